package com.readingroom.audit.internal.note;

import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint: the log's origin, its size and the Merkle root at that size, one per line, optionally
 * followed by extension lines. Its text is what is signed as a note.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("A checkpoint's origin is one non-empty line");
        }
        if (size < 0 || rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("A checkpoint needs a size ≥ 0 and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** The text to sign: {@code origin\nsize\nbase64(root)\n[extensions\n]}. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * Parses the text of a verified note.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint's text ends with a newline");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("A checkpoint has at least an origin, a size and a root hash");
        }
        if (!lines.get(1).matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("A checkpoint's size is a decimal number: '" + lines.get(1) + "'");
        }
        byte[] root = Base64.getDecoder().decode(lines.get(2));
        return new Checkpoint(lines.get(0), Long.parseLong(lines.get(1)), root, lines.subList(3, lines.size()));
    }
}
