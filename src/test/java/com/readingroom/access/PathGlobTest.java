package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGlobTest {

    @Test
    void doubleStarAtTheEndMatchesEverythingBelowButNotTheFolderItself() {
        PathGlob glob = PathGlob.compile("office-word/src/**");
        assertThat(glob.matches("office-word/src/core/piece_table.cpp")).isTrue();
        assertThat(glob.matches("office-word/src/main.cpp")).isTrue();
        assertThat(glob.matches("office-word/src")).isFalse();
        assertThat(glob.matches("office-word/docs/design.md")).isFalse();
        assertThat(glob.matches("office-word/srcx/main.cpp")).isFalse();
    }

    @Test
    void leadingDoubleStarMatchesAtAnyDepth() {
        PathGlob glob = PathGlob.compile("**/*.pfx");
        assertThat(glob.matches("signing.pfx")).isTrue();
        assertThat(glob.matches("windows-kernel/build/keys/signing.pfx")).isTrue();
        assertThat(glob.matches("windows-kernel/build/keys/signing.pfx.txt")).isFalse();
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneSegment() {
        PathGlob glob = PathGlob.compile("windows-kernel/src/*/pool?.c");
        assertThat(glob.matches("windows-kernel/src/mm/pool1.c")).isTrue();
        assertThat(glob.matches("windows-kernel/src/mm/sub/pool1.c")).isFalse();
        assertThat(glob.matches("windows-kernel/src/mm/pool12.c")).isFalse();
    }

    @Test
    void regexCharactersInPatternsAreLiteral() {
        PathGlob glob = PathGlob.compile("repo/a+b(1).[ch]");
        assertThat(glob.matches("repo/a+b(1).[ch]")).isTrue();
        assertThat(glob.matches("repo/aab1.c")).isFalse();
    }

    @Test
    void matchingIsCaseSensitiveLikeGitPaths() {
        assertThat(PathGlob.compile("repo/SRC/**").matches("repo/src/a.c")).isFalse();
    }

    @Test
    void tellsWhichRepositoriesAPatternCanReach() {
        assertThat(PathGlob.compile("office-word/src/**").mayMatchWithin("office-word"))
                .isTrue();
        assertThat(PathGlob.compile("office-word/src/**").mayMatchWithin("office-excel"))
                .isFalse();
        assertThat(PathGlob.compile("office-*/docs/**").mayMatchWithin("office-excel"))
                .isTrue();
        assertThat(PathGlob.compile("**/*.md").mayMatchWithin("anything")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "/etc/passwd", "repo/../secret", "repo/./a", "repo//a", "repo\\a", "repo/a\u0000b"})
    void rejectsPatternsThatCouldBeReadTwoWays(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathGlob.compile(pattern));
    }
}
