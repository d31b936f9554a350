package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.source.Blame;
import com.readingroom.source.BlameLine;
import com.readingroom.source.CommitSummary;
import com.readingroom.source.FileDiff;
import com.readingroom.source.RepoPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source, file names and commit authors are data: what the pages build as HTML escapes every one of them. */
class SourceMarkupTest {

    private static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>&";

    @Test
    void diffLinesAreEscapedInBothLayouts() {
        FileDiff file = new FileDiff(
                FileDiff.Change.MODIFIED,
                "a.c",
                "a.c",
                false,
                false,
                List.of(
                        new FileDiff.Line(FileDiff.Line.Type.HUNK, 0, 0, "@@ -1,1 +1,1 @@"),
                        new FileDiff.Line(FileDiff.Line.Type.DELETED, 1, 0, PAYLOAD),
                        new FileDiff.Line(FileDiff.Line.Type.ADDED, 0, 1, PAYLOAD)));
        for (String html : List.of(DiffHtml.unified(file), DiffHtml.sideBySide(file))) {
            assertThat(html).doesNotContain("<img", "<script").contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void blameEscapesTextAndAuthors() {
        CommitSummary commit = new CommitSummary(
                "0123456789abcdef0123456789abcdef01234567", PAYLOAD, "x@example.test", Instant.EPOCH, "m", List.of());
        Blame blame = new Blame(
                new RepoPath("r", "refs/heads/main", "a.c"),
                "refs/heads/main",
                commit.id(),
                "c",
                List.of(new BlameLine(1, PAYLOAD, commit)));
        String html = BlameView.table("r", blame);
        assertThat(html).doesNotContain("<img", "<script").contains("&lt;script&gt;");
    }

    @Test
    void readmeMarkdownKeepsNoRawHtmlAndNoScriptLinks() {
        String html = TreeView.markdown("# Title\n\n" + PAYLOAD + "\n\n[click](javascript:alert(3))\n");
        assertThat(html).doesNotContain("<img", "<script", "javascript:").contains("<h1>Title</h1>");
    }
}
