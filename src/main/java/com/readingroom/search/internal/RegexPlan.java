package com.readingroom.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Which trigrams a line must contain for a Java regular expression to match it, as a query over
 * {@link IndexSchema#TRIGRAM}: the candidates. Conservative by construction: whatever this reader of the pattern does
 * not understand (classes, look-arounds, back-references) it treats as "any text", which only widens the candidates;
 * every candidate is then confirmed by the real {@link java.util.regex.Pattern} on the real content.
 *
 * <p>Each literal run of three or more characters requires its trigrams; an alternation requires one of its
 * branches' requirements (none, if any branch requires nothing); an optional part ({@code ?}, {@code *},
 * {@code {0,n}}) requires nothing. Case is folded as in the index, so {@code (?i)} needs no special handling.
 */
final class RegexPlan {

    /** A requirement: all of {@code trigrams}, and all of {@code all}, and one of each list in {@code anyOf}. */
    private static final class Need {
        final Set<String> trigrams = new LinkedHashSet<>();
        final List<List<Need>> anyOf = new ArrayList<>();

        boolean isEmpty() {
            return trigrams.isEmpty() && anyOf.isEmpty();
        }

        void addAll(Need other) {
            trigrams.addAll(other.trigrams);
            anyOf.addAll(other.anyOf);
        }
    }

    private final String regex;
    private int at;

    private RegexPlan(String regex) {
        this.regex = regex;
    }

    /** The candidate query, or {@code null} when the pattern requires no trigram (every file is a candidate). */
    static Query candidates(String regex) {
        RegexPlan plan = new RegexPlan(regex);
        Need need = plan.alternation();
        return need.isEmpty() ? null : new ConstantScoreQuery(toQuery(need));
    }

    private static Query toQuery(Need need) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String trigram : need.trigrams) {
            all.add(new TermQuery(new Term(IndexSchema.TRIGRAM, trigram)), BooleanClause.Occur.FILTER);
        }
        for (List<Need> branches : need.anyOf) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Need branch : branches) {
                any.add(toQuery(branch), BooleanClause.Occur.SHOULD);
            }
            all.add(any.build(), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private Need alternation() {
        List<Need> branches = new ArrayList<>();
        branches.add(concatenation());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) {
            return branches.getFirst();
        }
        Need need = new Need();
        if (branches.stream().noneMatch(Need::isEmpty)) {
            need.anyOf.add(branches);
        }
        return need;
    }

    private Need concatenation() {
        Need need = new Need();
        StringBuilder literal = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            Atom atom = atom();
            Quantifier quantifier = quantifier();
            if (atom.literal() != null && quantifier == Quantifier.ONE) {
                literal.append(atom.literal());
                continue;
            }
            if (atom.literal() != null && quantifier == Quantifier.AT_LEAST_ONE) {
                // "ab+c": "ab" is required; what follows the repetition starts a new run.
                literal.append(atom.literal());
                flush(literal, need);
                continue;
            }
            flush(literal, need);
            if (atom.need() != null && quantifier != Quantifier.OPTIONAL) {
                need.addAll(atom.need());
            }
        }
        flush(literal, need);
        return need;
    }

    private static void flush(StringBuilder literal, Need need) {
        for (int i = 0; i + 3 <= literal.length(); i++) {
            char a = Trigrams.fold(literal.charAt(i));
            char b = Trigrams.fold(literal.charAt(i + 1));
            char c = Trigrams.fold(literal.charAt(i + 2));
            if (Trigrams.indexed(a, b, c)) {
                need.trigrams.add(String.valueOf(new char[] {a, b, c}));
            }
        }
        literal.setLength(0);
    }

    /** What one atom is: a literal character, a group's requirement, or anything (both null). */
    private record Atom(String literal, Need need) {

        static Atom any() {
            return new Atom(null, null);
        }
    }

    private enum Quantifier {
        ONE,
        AT_LEAST_ONE,
        OPTIONAL
    }

    private Atom atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(' -> {
                boolean capturing = true;
                if (at < regex.length() && regex.charAt(at) == '?') {
                    capturing = false;
                    int close = groupKind();
                    if (close == 1) {
                        // Inline flags "(?i)": no text.
                        return new Atom(null, new Need());
                    }
                    if (close == 2) {
                        // A look-around: parse and ignore, it consumes no text.
                        alternation();
                        expect(')');
                        return new Atom(null, new Need());
                    }
                }
                Need inner = alternation();
                expect(')');
                return new Atom(null, capturing || !inner.isEmpty() ? inner : new Need());
            }
            case '[' -> {
                skipClass();
                return Atom.any();
            }
            case '.' -> {
                return Atom.any();
            }
            case '^', '$' -> {
                return new Atom(null, new Need());
            }
            case '\\' -> {
                return escape();
            }
            default -> {
                return new Atom(String.valueOf(c), null);
            }
        }
    }

    /** After "(?": 0 for a group that matches text, 1 for flags alone, 2 for a look-around. */
    private int groupKind() {
        at++; // the '?'
        if (at >= regex.length()) {
            return 0;
        }
        char c = regex.charAt(at);
        if (c == ':' || c == '>') {
            at++;
            return 0;
        }
        if (c == '=' || c == '!') {
            at++;
            return 2;
        }
        if (c == '<') {
            if (at + 1 < regex.length() && (regex.charAt(at + 1) == '=' || regex.charAt(at + 1) == '!')) {
                at += 2;
                return 2;
            }
            int close = regex.indexOf('>', at);
            at = close < 0 ? regex.length() : close + 1;
            return 0;
        }
        // Flags, "(?i)" or "(?i:...)".
        while (at < regex.length() && Character.isLetter(regex.charAt(at))
                || (at < regex.length() && regex.charAt(at) == '-')) {
            at++;
        }
        if (at < regex.length() && regex.charAt(at) == ')') {
            at++;
            return 1;
        }
        if (at < regex.length() && regex.charAt(at) == ':') {
            at++;
        }
        return 0;
    }

    private Atom escape() {
        if (at >= regex.length()) {
            return Atom.any();
        }
        char c = regex.charAt(at++);
        if (c == 'Q') {
            int end = regex.indexOf("\\E", at);
            String quoted = end < 0 ? regex.substring(at) : regex.substring(at, end);
            at = end < 0 ? regex.length() : end + 2;
            // Returned as one literal; a quantifier after it applies to its last character only, which this treats
            // as the whole: conservative only if the literal is then dropped, so keep all but the last character.
            return quoted.isEmpty() ? new Atom(null, new Need()) : new Atom(quoted, null);
        }
        if ("bBAGZzK".indexOf(c) >= 0) {
            return new Atom(null, new Need());
        }
        if ("tnrfae0xuc".indexOf(c) >= 0 || Character.isLetterOrDigit(c)) {
            if (c == 'p' || c == 'P') {
                skipBraces();
            } else if (c == 'x' || c == 'u' || c == 'c' || c == '0' || c == 'k' || c == 'N') {
                skipBraces();
            }
            return Atom.any();
        }
        return new Atom(String.valueOf(c), null);
    }

    private void skipBraces() {
        if (at < regex.length() && regex.charAt(at) == '{') {
            int close = regex.indexOf('}', at);
            at = close < 0 ? regex.length() : close + 1;
        }
    }

    private void skipClass() {
        int depth = 1;
        if (at < regex.length() && regex.charAt(at) == '^') {
            at++;
        }
        if (at < regex.length() && regex.charAt(at) == ']') {
            at++;
        }
        while (at < regex.length() && depth > 0) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    private Quantifier quantifier() {
        if (at >= regex.length()) {
            return Quantifier.ONE;
        }
        char c = regex.charAt(at);
        Quantifier quantifier;
        if (c == '*' || c == '?') {
            at++;
            quantifier = Quantifier.OPTIONAL;
        } else if (c == '+') {
            at++;
            quantifier = Quantifier.AT_LEAST_ONE;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                return Quantifier.ONE;
            }
            String range = regex.substring(at + 1, close);
            at = close + 1;
            String min = range.contains(",") ? range.substring(0, range.indexOf(',')) : range;
            quantifier = min.trim().isEmpty() || min.trim().equals("0") ? Quantifier.OPTIONAL : Quantifier.AT_LEAST_ONE;
        } else {
            return Quantifier.ONE;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return quantifier;
    }

    private void expect(char c) {
        if (at < regex.length() && regex.charAt(at) == c) {
            at++;
        }
    }
}
