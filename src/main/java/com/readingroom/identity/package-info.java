/**
 * People, their roles and how they sign in. Knows nothing of agreements: a person's agency is kept as an id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.readingroom.identity;
