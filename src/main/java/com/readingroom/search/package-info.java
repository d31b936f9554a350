/**
 * Code search. Lucene lives only in {@code search.internal}; the grant is applied inside the index query.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "source", "access", "audit", "identity"})
package com.readingroom.search;
