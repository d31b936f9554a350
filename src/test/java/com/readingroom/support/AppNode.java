package com.readingroom.support;

/** A running Reading Room reached over HTTP: the packaged app in its own process, or the test's own application. */
public interface AppNode {

    /** {@code http://host:port}, no trailing slash. */
    String base();

    /** Where to look when it misbehaves (its log). */
    String whereToLook();

    /** The application this test runs (a {@code @SpringBootTest} on a random port). */
    static AppNode inThisJvm(int port) {
        return new AppNode() {
            @Override
            public String base() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public String whereToLook() {
                return "the test's own log";
            }
        };
    }
}
