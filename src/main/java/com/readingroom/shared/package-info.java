/**
 * Shared kernel: the few facts every module needs (where data lives, what time it is, which node may do what now).
 * Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {})
package com.readingroom.shared;
