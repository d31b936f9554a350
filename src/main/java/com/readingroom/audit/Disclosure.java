package com.readingroom.audit;

import java.util.List;

/**
 * What a view of source disclosed, recorded with it: where it came from and a fingerprint of what was shown.
 *
 * @param commit the full commit id the content was read at
 * @param blob the blob id of a file shown, or {@code null}
 * @param contentHash SHA-256 (hex) of the bytes shown, or {@code null}
 * @param lines how many lines were shown, or {@code null}
 * @param hits for a search: the files whose snippets were shown ({@code repository:path}), else empty
 */
public record Disclosure(
        String repository,
        String ref,
        String commit,
        String path,
        String blob,
        String contentHash,
        Integer lines,
        List<String> hits) {

    public Disclosure {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}
