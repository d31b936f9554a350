/**
 * The Vaadin user interface and the web security around it. Talks to the other modules through their APIs only: no
 * JPA, no repositories, no JGit, no Lucene.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "access", "audit", "source", "search"})
package com.readingroom.ui;
