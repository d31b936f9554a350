/**
 * Who may read what, and why: agencies, products and their repositories, agreements and their scopes, and the one
 * place that decides.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package com.readingroom.access;
