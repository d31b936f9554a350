package com.readingroom.access;

import java.util.List;

/**
 * Why a person can or cannot read a path: the decision and each step that led to it, agreement by agreement and
 * scope by scope. For program managers and auditors only.
 */
public record Explanation(AccessDecision decision, List<String> steps) {

    public Explanation {
        steps = List.copyOf(steps);
    }
}
