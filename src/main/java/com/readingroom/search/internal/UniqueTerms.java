package com.readingroom.search.internal;

import java.util.Arrays;

/**
 * A set of short terms for one document, reused for every document of a thread: open addressing over the terms'
 * characters with a generation stamp per slot, so that starting the next document costs nothing, whatever the size
 * of the last one.
 */
final class UniqueTerms {

    private char[] chars = new char[1 << 16];
    private int[] starts = new int[1 << 12];
    private int[] lengths = new int[1 << 12];
    private int count;
    private int used;

    private int[] slots = new int[1 << 13];
    private int[] stamps = new int[1 << 13];
    private int generation = 1;

    void clear() {
        count = 0;
        used = 0;
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    int size() {
        return count;
    }

    /** Adds the characters (lowercased when asked) unless the set holds them already. */
    void add(char[] text, int offset, int length, boolean lowercase) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            char c = lowercase ? CodeScanner.lower(text[offset + i]) : text[offset + i];
            hash = 31 * hash + c;
        }
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        while (stamps[slot] == generation) {
            int term = slots[slot];
            if (equal(term, text, offset, length, lowercase)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        for (int i = 0; i < length; i++) {
            char c = text[offset + i];
            chars[used + i] = lowercase ? CodeScanner.lower(c) : c;
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = used;
        lengths[count] = length;
        used += length;
        slots[slot] = count;
        stamps[slot] = generation;
        count++;
        if (count * 2 > slots.length) {
            grow();
        }
    }

    private boolean equal(int term, char[] text, int offset, int length, boolean lowercase) {
        if (lengths[term] != length) {
            return false;
        }
        int start = starts[term];
        for (int i = 0; i < length; i++) {
            char c = lowercase ? CodeScanner.lower(text[offset + i]) : text[offset + i];
            if (chars[start + i] != c) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] newSlots = new int[slots.length * 2];
        int[] newStamps = new int[slots.length * 2];
        int mask = newSlots.length - 1;
        for (int term = 0; term < count; term++) {
            int hash = 0;
            for (int i = 0; i < lengths[term]; i++) {
                hash = 31 * hash + chars[starts[term] + i];
            }
            int slot = mix(hash) & mask;
            while (newStamps[slot] == generation) {
                slot = (slot + 1) & mask;
            }
            newSlots[slot] = term;
            newStamps[slot] = generation;
        }
        slots = newSlots;
        stamps = newStamps;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Adds the trigrams of every term. */
    void trigramsInto(Trigrams trigrams) {
        for (int i = 0; i < count; i++) {
            trigrams.add(chars, starts[i], lengths[i]);
        }
    }

    /** Copies term {@code index} into {@code out}; returns its length. */
    int copy(int index, char[] out) {
        System.arraycopy(chars, starts[index], out, 0, lengths[index]);
        return lengths[index];
    }
}
