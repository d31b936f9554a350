package com.readingroom.access;

/** Thrown by {@link AccessPolicy#check}: carries the decision, whose reason is fit to show the person. */
public class AccessDeniedException extends RuntimeException {

    private final transient AccessDecision decision;

    public AccessDeniedException(AccessDecision decision) {
        super(decision.reason());
        this.decision = decision;
    }

    public AccessDecision decision() {
        return decision;
    }
}
