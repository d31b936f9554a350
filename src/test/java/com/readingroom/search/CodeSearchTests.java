package com.readingroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.source.SourceFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search over the demo repositories through the choke point: what programmers expect of identifiers, prefixes and
 * phrases; every search recorded with the files whose snippets were shown; malformed queries answered in words.
 */
class CodeSearchTests extends SearchContextTest {

    @Autowired
    JdbcTemplate jdbc;

    private static List<String> paths(SearchResults results) {
        return results.files().stream()
                .map(hit -> hit.repository() + ":" + hit.path())
                .toList();
    }

    @Test
    void anIdentifierIsFoundWholeByItsPartsAndByItsCamelCase() {
        SearchResults whole = searchAs("nato.reviewer", SearchRequest.text("KeAcquireSpinLock"));
        assertThat(whole.totalFiles()).isPositive();
        assertThat(paths(whole)).contains("windows-kernel:src/ke/spinlock.c");
        SearchResults part = searchAs("nato.reviewer", SearchRequest.text("spin"));
        assertThat(paths(part)).contains("windows-kernel:src/ke/spinlock.c");
        SearchResults lower = searchAs("nato.reviewer", SearchRequest.text("keacquirespinlock"));
        assertThat(lower.totalFiles()).isEqualTo(whole.totalFiles());
        SearchResults.FileHit hit = whole.files().stream()
                .filter(file -> file.path().equals("src/ke/spinlock.c"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.firstMatch()).isPositive();
        SearchResults.HitLine line = hit.lines().stream()
                .filter(SearchResults.HitLine::match)
                .findFirst()
                .orElseThrow();
        SearchResults.Range range = line.highlights().getFirst();
        assertThat(line.text().substring(range.start(), range.end())).isEqualTo("KeAcquireSpinLock");
    }

    @Test
    void phrasesPrefixesWildcardsAndBooleansFindWhatAProgrammerMeans() {
        String nato = "nato.reviewer";
        assertThat(paths(searchAs(nato, SearchRequest.text("def:KeAcquireSpinLock"))))
                .contains("windows-kernel:src/ke/spinlock.c");
        assertThat(paths(searchAs(nato, SearchRequest.text("def:function:KeAcquireSpinLock"))))
                .contains("windows-kernel:src/ke/spinlock.c");
        assertThat(searchAs(nato, SearchRequest.text("def:macro:KeAcquireSpinLock"))
                        .files())
                .noneMatch(hit -> hit.path().equals("src/ke/spinlock.c"));
        assertThat(searchAs(nato, SearchRequest.text("path:src/ke KeAcquireSpinLock"))
                        .files())
                .isNotEmpty()
                .allMatch(hit -> hit.path().startsWith("src/ke/"));
        assertThat(searchAs(nato, SearchRequest.text("file:*.h KeAcquireSpinLock"))
                        .files())
                .isNotEmpty()
                .allMatch(hit -> hit.path().endsWith(".h"));
        assertThat(searchAs(nato, SearchRequest.text("lang:c KeAcquireSpinLock"))
                        .files())
                .isNotEmpty()
                .allMatch(hit -> hit.language().equals("c"));
        assertThat(searchAs(nato, SearchRequest.text("repo:windows-kernel KeBugCheck"))
                        .files())
                .isNotEmpty()
                .allMatch(hit -> hit.repository().equals("windows-kernel"));
        long both = searchAs(nato, SearchRequest.text("KeAcquireSpinLock AND KeBugCheck"))
                .totalFiles();
        long either = searchAs(nato, SearchRequest.text("KeAcquireSpinLock OR KeBugCheck"))
                .totalFiles();
        long one = searchAs(nato, SearchRequest.text("KeAcquireSpinLock")).totalFiles();
        long notOther = searchAs(nato, SearchRequest.text("KeAcquireSpinLock NOT KeBugCheck"))
                .totalFiles();
        assertThat(both).isPositive().isLessThanOrEqualTo(one);
        assertThat(either).isGreaterThanOrEqualTo(one);
        assertThat(both + notOther).isEqualTo(one);
        assertThat(searchAs(nato, SearchRequest.text("KeAcquireSpin*")).totalFiles())
                .isGreaterThanOrEqualTo(one);
        assertThat(searchAs(nato, SearchRequest.text("sym:KeAcquireSpinLock")).totalFiles())
                .isPositive();
        assertThat(searchAs(nato, SearchRequest.text("sym:keacquirespinlock")).totalFiles())
                .isZero();
        SearchResults commits = searchAs(nato, SearchRequest.text("hist:\"lost wakeup\""));
        assertThat(commits.commits()).isNotEmpty();
        assertThat(commits.commits().getFirst().lines())
                .anyMatch(line -> line.text().contains("lost wakeup"));
    }

    @Test
    void aSearchIsRecordedOnceWithTheQueryTheCountAndEveryFileWhoseLinesWereShown() {
        long before = SourceFixture.events(jdbc, "SEARCH");
        SearchResults results = searchAs("nato.reviewer", SearchRequest.text("KeBugCheck"));
        assertThat(SourceFixture.events(jdbc, "SEARCH")).isEqualTo(before + 1);
        Map<String, Object> event = jdbc.queryForMap(
                "select actor, detail, leaf from audit_event where action = 'SEARCH' order by seq desc limit 1");
        assertThat(event.get("actor")).isEqualTo("nato.reviewer");
        assertThat((String) event.get("detail"))
                .contains("query KeBugCheck")
                .contains(results.totalFiles() + " files matched, "
                        + results.files().size() + " shown");
        for (SearchResults.FileHit hit : results.files()) {
            assertThat((String) event.get("leaf")).contains(hit.repository() + ":" + hit.path() + "@");
        }
    }

    @Test
    void aMalformedQueryIsExplainedAndNothingIsRecorded() {
        long before = SourceFixture.events(jdbc);
        assertThatThrownBy(() -> searchAs("nato.reviewer", SearchRequest.text("(KeBugCheck OR")))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("needs something after it");
        assertThatThrownBy(() -> searchAs("nato.reviewer", SearchRequest.regex("Ke(Bug")))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("The regular expression is not valid at column");
        assertThat(SourceFixture.events(jdbc)).isEqualTo(before);
    }

    @Test
    void aSuspendedAgreementSearchesNothingAndTheRefusalIsRecorded() {
        long before = SourceFixture.events(jdbc, "ACCESS_DENIED");
        assertThatThrownBy(() -> searchAs(SourceFixture.PAUSED, SearchRequest.text("KeBugCheck")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SourceFixture.events(jdbc, "ACCESS_DENIED")).isEqualTo(before + 1);
        assertThatThrownBy(() -> searchAs("pm", SearchRequest.text("KeBugCheck")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRefsShownAreOnlyTheGrantedOnes() {
        SearchResults lab = searchAs(SourceFixture.LAB, SearchRequest.text("KeBugCheck"));
        assertThat(lab.files()).isNotEmpty();
        assertThat(lab.files()).allSatisfy(hit -> {
            assertThat(hit.ref()).startsWith("refs/tags/release/");
            assertThat(hit.refs()).allMatch(ref -> ref.startsWith("release/"));
        });
    }

    @Test
    void theIndexStatusNamesEveryRepositoryUpToDate() {
        List<IndexStatus> statuses = SourceFixture.asManager(index::status);
        assertThat(statuses)
                .extracting(IndexStatus::repository)
                .contains("windows-kernel", "windows-shell", "office-word", "office-excel");
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(IndexStatus.State.UP_TO_DATE);
            assertThat(status.files()).isPositive();
            assertThat(status.refs()).contains("main");
        });
        assertThatThrownBy(() -> {
                    SourceFixture.signIn(people, "nato.reviewer");
                    index.requestUpdate();
                })
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(index::status)
                .as("the status names every repository, so a reviewer may not read it")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
