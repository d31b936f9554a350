/**
 * Demo data for the embedded default profile: the sample products' git repositories, agencies, people and
 * agreements. Off in production ({@code readingroom.demo.enabled=false}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "access", "source"})
package com.readingroom.demo;
