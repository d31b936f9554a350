package com.readingroom.search.internal;

import java.util.List;

/** A parsed query: what {@link QueryParser} makes of the text, before it becomes a Lucene query. */
sealed interface QueryNode {

    /**
     * One thing to match.
     *
     * @param field the prefix ({@code path}, {@code def}, ...) or {@code null} for the content
     * @param quoted written in double quotes: a phrase, no wildcards
     * @param column where it starts, from 1
     */
    record Leaf(String field, String text, boolean quoted, int column) implements QueryNode {

        boolean hasWildcard() {
            return !quoted && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
        }
    }

    record All(List<QueryNode> nodes) implements QueryNode {

        public All {
            nodes = List.copyOf(nodes);
        }
    }

    record Any(List<QueryNode> nodes) implements QueryNode {

        public Any {
            nodes = List.copyOf(nodes);
        }
    }

    record Not(QueryNode node) implements QueryNode {}
}
