package com.readingroom.search.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The macros a C or C++ file defines ({@code #define NAME}), found by reading its lines: most of the definitions of a
 * kernel's headers are macros (register maps above all), and finding them needs no parser, so universal-ctags is
 * asked for every other kind and these are read here.
 */
final class Macros {

    private static final Set<String> EXTENSIONS = Set.of("c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "inl");

    private Macros() {}

    /** Whether the file is C or C++, whose macros are read here rather than by ctags. */
    static boolean readsMacrosOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Adds a definition of kind {@code macro} for each {@code #define} at the start of a line. */
    static void addTo(String text, List<Ctags.Definition> definitions) {
        int line = 1;
        int at = 0;
        int length = text.length();
        boolean continued = false;
        while (at < length) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = length;
            }
            if (!continued) {
                define(text, at, end, line, definitions);
            }
            int last = end > at && text.charAt(end - 1) == '\r' ? end - 2 : end - 1;
            // A line ending in a backslash goes on: a "#define" there is the body of a macro, not a definition.
            continued = last >= at && text.charAt(last) == '\\';
            at = end + 1;
            line++;
        }
    }

    private static void define(String text, int from, int to, int line, List<Ctags.Definition> definitions) {
        int at = skipBlanks(text, from, to);
        if (at >= to || text.charAt(at) != '#') {
            return;
        }
        at = skipBlanks(text, at + 1, to);
        if (!text.startsWith("define", at) || at + 6 >= to || !isBlank(text.charAt(at + 6))) {
            return;
        }
        int start = skipBlanks(text, at + 6, to);
        int end = start;
        while (end < to && isIdentifier(text.charAt(end), end == start)) {
            end++;
        }
        if (end > start) {
            definitions.add(new Ctags.Definition(text.substring(start, end), "macro", line));
        }
    }

    private static int skipBlanks(String text, int from, int to) {
        int at = from;
        while (at < to && isBlank(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isIdentifier(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}
