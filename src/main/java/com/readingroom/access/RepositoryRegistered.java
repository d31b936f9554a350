package com.readingroom.access;

/** Published when a program manager registers a repository, once the registration is committed. */
public record RepositoryRegistered(String repository, String product) {}
