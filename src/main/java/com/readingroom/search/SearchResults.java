package com.readingroom.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of results, everything in it computed inside the person's grant: counts, facets, snippets and
 * suggestions never reflect a file they may not read. Carries no timing on purpose.
 *
 * @param totalFiles files (or commits, for {@code hist:}) that match
 * @param exact false when a regular expression search stopped after this page, so that more may match
 * @param suggestions definitions starting with the word searched, when a one-word search found nothing
 */
public record SearchResults(
        SearchRequest request,
        long totalFiles,
        boolean exact,
        int pageSize,
        List<FileHit> files,
        List<CommitHit> commits,
        List<Facet> repositories,
        List<Facet> languages,
        List<String> suggestions) {

    public SearchResults {
        files = List.copyOf(files);
        commits = List.copyOf(commits);
        repositories = List.copyOf(repositories);
        languages = List.copyOf(languages);
        suggestions = List.copyOf(suggestions);
    }

    public boolean hasNextPage() {
        return !exact || (long) (request.page() + 1) * pageSize < totalFiles;
    }

    /** A value of a facet and how many results have it. */
    public record Facet(String value, long count) {}

    /**
     * A file that matched, with its matching lines and a little context.
     *
     * @param ref the full ref to open it at (the default branch when granted, else a granted tag)
     * @param refs the short names of every granted ref holding this very content
     * @param matchingLines how many of the lines shown match
     * @param moreLines whether further lines match (the file is read only as far as the page needs)
     */
    public record FileHit(
            String repository,
            String product,
            String path,
            String ref,
            List<String> refs,
            String language,
            List<HitLine> lines,
            int matchingLines,
            boolean moreLines) {

        public FileHit {
            refs = List.copyOf(refs);
            lines = List.copyOf(lines);
        }

        /** The first matching line, to open the file at; 0 when none (a match on the path only). */
        public int firstMatch() {
            return lines.stream()
                    .filter(HitLine::match)
                    .mapToInt(HitLine::number)
                    .findFirst()
                    .orElse(0);
        }
    }

    /** A commit whose message matched ({@code hist:}). */
    public record CommitHit(
            String repository, String id, String ref, String author, Instant committed, List<HitLine> lines) {

        public CommitHit {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line shown: a match, or context around one.
     *
     * @param number from 1
     * @param highlights the matched ranges, as character offsets into {@code text}
     */
    public record HitLine(int number, String text, boolean match, List<Range> highlights) {

        public HitLine {
            highlights = List.copyOf(highlights);
        }
    }

    public record Range(int start, int end) {}
}
