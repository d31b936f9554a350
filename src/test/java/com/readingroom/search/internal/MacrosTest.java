package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The macros read from a file's lines are the ones universal-ctags would report, with their lines. */
class MacrosTest {

    private static List<String> macros(String text) {
        List<Ctags.Definition> definitions = new ArrayList<>();
        Macros.addTo(text, definitions);
        return definitions.stream()
                .map(definition -> definition.name() + "@" + definition.line() + ":" + definition.kind())
                .toList();
    }

    @Test
    void aDefineAtTheStartOfALineIsAMacroAndItsContinuationIsNot() {
        assertThat(macros(String.join(
                        "\n",
                        "#define PAGE_SIZE 4096",
                        "  #  define\tmin(a, b) ((a) < (b) ? (a) : (b))",
                        "#define MULTI(x) \\",
                        "#define NOT_A_MACRO 1 \\",
                        "    still the body",
                        "#define AFTER 2\r",
                        "#defined NOPE",
                        "#define 9NOPE",
                        "int x; #define NOPE",
                        "#include <x.h>",
                        "#define _under_9")))
                .containsExactly(
                        "PAGE_SIZE@1:macro", "min@2:macro", "MULTI@3:macro", "AFTER@6:macro", "_under_9@11:macro");
        assertThat(macros("")).isEmpty();
        assertThat(macros("#define")).isEmpty();
    }

    @Test
    void everyMacroUniversalCtagsFindsInTheSampleSourcesIsFoundAtItsLine() throws Exception {
        assumeTrue(Ctags.available("ctags"), "universal-ctags is not installed");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("repos-sample"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> Macros.readsMacrosOf(file.toString()))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        Set<String> byCtags = new HashSet<>();
        Set<String> byLines = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : files) {
            Process ctags = new ProcessBuilder(
                            "ctags",
                            "--output-format=json",
                            "--fields=NnK",
                            "--kinds-C=d",
                            "--kinds-C++=d",
                            "-f",
                            "-",
                            file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            for (String line : new String(ctags.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode tag = json.readTree(line);
                    if (tag.path("kind").asString("").equals("macro")) {
                        byCtags.add(file + ":" + tag.path("name").asString() + "@"
                                + tag.path("line").asInt());
                    }
                }
            }
            assertThat(ctags.waitFor()).isZero();
            macros(Files.readString(file, StandardCharsets.ISO_8859_1))
                    .forEach(macro -> byLines.add(file + ":" + macro.substring(0, macro.indexOf(':'))));
        }
        assertThat(byCtags).hasSizeGreaterThan(20);
        assertThat(byLines).containsAll(byCtags);
    }

    @Test
    void onlyCAndCppFilesHaveTheirMacrosReadHere() throws IOException {
        assertThat(Macros.readsMacrosOf("linux/include/linux/mm.h")).isTrue();
        assertThat(Macros.readsMacrosOf("office/src/Cell.CPP")).isTrue();
        assertThat(Macros.readsMacrosOf("arch/x86/entry/entry_64.S")).isFalse();
        assertThat(Macros.readsMacrosOf("Makefile")).isFalse();
    }
}
