/**
 * Shared kernel: the few facts every module needs (where data lives, what time it is). Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {})
package com.readingroom.shared;
