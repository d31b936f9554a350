/**
 * The machine API for approved tools: a read API over the same choke points as the browser ({@code SourceReader},
 * {@code CodeSearch}), authenticated by personal access tokens, rate-limited, and the web security of {@code /api/**}.
 * It exposes no Java API of its own.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "access", "audit", "source", "search"})
package com.readingroom.api;
