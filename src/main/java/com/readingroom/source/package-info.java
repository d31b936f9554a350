/**
 * The hosted git repositories. JGit lives only in {@code source.internal}; content leaves this module only through
 * its API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "audit", "identity"})
package com.readingroom.source;
