package com.readingroom.search;

/**
 * A search as a reviewer asks it.
 *
 * @param query the query text (see {@link CodeSearch} for its syntax) or, in {@link Mode#REGEX}, a Java regular
 *     expression matched against each line
 * @param repository only this repository (a facet chosen), or {@code null}
 * @param language only this language (a facet chosen), or {@code null}
 * @param page the page of files, from 0
 */
public record SearchRequest(String query, Mode mode, String repository, String language, int page) {

    public enum Mode {
        TEXT,
        REGEX
    }

    public SearchRequest {
        mode = mode == null ? Mode.TEXT : mode;
        page = Math.max(0, page);
        repository = repository == null || repository.isBlank() ? null : repository;
        language = language == null || language.isBlank() ? null : language;
    }

    public static SearchRequest text(String query) {
        return new SearchRequest(query, Mode.TEXT, null, null, 0);
    }

    public static SearchRequest regex(String query) {
        return new SearchRequest(query, Mode.REGEX, null, null, 0);
    }

    public SearchRequest page(int page) {
        return new SearchRequest(query, mode, repository, language, page);
    }

    public SearchRequest inRepository(String name) {
        return new SearchRequest(query, mode, name, language, 0);
    }

    public SearchRequest inLanguage(String name) {
        return new SearchRequest(query, mode, repository, name, 0);
    }
}
