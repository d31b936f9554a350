package com.readingroom.source.internal;

import com.readingroom.access.AccessPolicy.PathDecisions;
import com.readingroom.source.FileDiff;
import com.readingroom.source.FileDiff.Line;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Diffs two trees with JGit's own diff (histogram, renames detected), keeping only the files the person may read on
 * both sides: the old path as of the base, the new path as of the commit shown.
 */
final class GitDiffs {

    private static final int CONTEXT = 3;

    /** A side larger than this is treated like a binary file: no lines are diffed. */
    private static final long MAX_TEXT_BYTES = 8L * 1024 * 1024;

    private GitDiffs() {}

    /**
     * @param base the older tree, or {@code null} for a first commit
     * @param maxLines lines of all files together; past it, files show no more lines and say so
     */
    static List<FileDiff> diff(
            Repository git,
            ObjectId base,
            ObjectId tree,
            PathDecisions baseDecisions,
            PathDecisions decisions,
            int maxLines)
            throws IOException {
        List<FileDiff> files = new ArrayList<>();
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(git);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setDetectRenames(true);
            int budget = maxLines;
            for (DiffEntry entry : formatter.scan(base, tree)) {
                if (!readable(entry, baseDecisions, decisions)) {
                    continue;
                }
                FileDiff.Change change = change(entry.getChangeType());
                String oldPath = change == FileDiff.Change.ADDED ? null : entry.getOldPath();
                String newPath = change == FileDiff.Change.DELETED ? null : entry.getNewPath();
                if (entry.getOldMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB
                                && change != FileDiff.Change.ADDED
                        || entry.getNewMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB
                                && change != FileDiff.Change.DELETED) {
                    // A submodule pointer moved: no lines to show.
                    files.add(new FileDiff(change, oldPath, newPath, true, false, List.of()));
                    continue;
                }
                RawText a = text(
                        git,
                        change == FileDiff.Change.ADDED
                                ? null
                                : entry.getOldId().toObjectId());
                RawText b = text(
                        git,
                        change == FileDiff.Change.DELETED
                                ? null
                                : entry.getNewId().toObjectId());
                if (a == null || b == null) {
                    files.add(new FileDiff(change, oldPath, newPath, true, false, List.of()));
                    continue;
                }
                EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                        .diff(RawTextComparator.DEFAULT, a, b);
                List<Line> lines = new ArrayList<>();
                boolean complete = lines(a, b, edits, lines, budget);
                budget -= lines.size();
                files.add(new FileDiff(change, oldPath, newPath, false, !complete, lines));
            }
        }
        return files;
    }

    private static boolean readable(DiffEntry entry, PathDecisions baseDecisions, PathDecisions decisions) {
        boolean oldSide = entry.getChangeType() == DiffEntry.ChangeType.ADD
                || baseDecisions.file(entry.getOldPath()).allowed();
        boolean newSide = entry.getChangeType() == DiffEntry.ChangeType.DELETE
                || decisions.file(entry.getNewPath()).allowed();
        return oldSide && newSide;
    }

    private static FileDiff.Change change(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> FileDiff.Change.ADDED;
            case MODIFY -> FileDiff.Change.MODIFIED;
            case DELETE -> FileDiff.Change.DELETED;
            case RENAME -> FileDiff.Change.RENAMED;
            case COPY -> FileDiff.Change.COPIED;
        };
    }

    /** The text of a blob, empty for a missing side, {@code null} when binary. */
    private static RawText text(Repository git, ObjectId blob) throws IOException {
        if (blob == null) {
            return RawText.EMPTY_TEXT;
        }
        GitReads.Bytes bytes = GitReads.read(git, blob, MAX_TEXT_BYTES);
        if (!bytes.complete()
                || !TextDecoding.hasUtf16Bom(bytes.data(), bytes.length())
                        && RawText.isBinary(bytes.data(), bytes.length(), true)) {
            return null;
        }
        return new RawText(TextDecoding.decode(bytes.data(), bytes.length())
                .text()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Unified-diff lines with {@value #CONTEXT} lines of context; false when the budget ran out first. */
    private static boolean lines(RawText a, RawText b, EditList edits, List<Line> out, int budget) {
        int i = 0;
        while (i < edits.size()) {
            int j = i;
            while (j + 1 < edits.size()
                    && edits.get(j + 1).getBeginA() - edits.get(j).getEndA() <= 2 * CONTEXT) {
                j++;
            }
            Edit first = edits.get(i);
            Edit last = edits.get(j);
            int aStart = Math.max(0, first.getBeginA() - CONTEXT);
            int bStart = Math.max(0, first.getBeginB() - CONTEXT);
            int aEnd = Math.min(a.size(), last.getEndA() + CONTEXT);
            int bEnd = Math.min(b.size(), last.getEndB() + CONTEXT);
            out.add(new Line(
                    Line.Type.HUNK,
                    0,
                    0,
                    "@@ -" + (aStart + 1) + "," + (aEnd - aStart) + " +" + (bStart + 1) + "," + (bEnd - bStart)
                            + " @@"));
            int ai = aStart;
            int bi = bStart;
            for (int k = i; k <= j; k++) {
                Edit edit = edits.get(k);
                while (ai < edit.getBeginA()) {
                    out.add(new Line(Line.Type.CONTEXT, ai + 1, bi + 1, a.getString(ai)));
                    ai++;
                    bi++;
                }
                for (; ai < edit.getEndA(); ai++) {
                    out.add(new Line(Line.Type.DELETED, ai + 1, 0, a.getString(ai)));
                }
                for (; bi < edit.getEndB(); bi++) {
                    out.add(new Line(Line.Type.ADDED, 0, bi + 1, b.getString(bi)));
                }
                if (out.size() > budget) {
                    out.subList(Math.max(0, budget), out.size()).clear();
                    return false;
                }
            }
            while (ai < aEnd) {
                out.add(new Line(Line.Type.CONTEXT, ai + 1, bi + 1, a.getString(ai)));
                ai++;
                bi++;
            }
            i = j + 1;
        }
        return true;
    }
}
