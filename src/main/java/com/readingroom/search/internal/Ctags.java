package com.readingroom.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Symbol definitions from universal-ctags, one long-running process per indexing thread in its interactive mode:
 * each file's bytes go to its standard input and its tags come back as JSON lines, so a whole repository is tagged
 * in batch without writing a file to disk. A file that takes too long is given up (the process is restarted) and
 * indexed without definitions.
 */
final class Ctags implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ctags.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What universal-ctags parses well; other files would only cost a round trip. */
    private static final Set<String> EXTENSIONS = Set.of(
            "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "inl", "idl", "cs", "java", "kt", "js", "ts", "py", "rb",
            "go", "rs", "sh", "pl", "pm", "s", "asm", "mk", "sql", "ps1", "php", "lua", "scala", "swift", "m");

    private static final Set<String> NAMES = Set.of("makefile", "kconfig", "kbuild");

    /** Kinds that are not definitions. */
    private static final Set<String> IGNORED_KINDS = Set.of("header", "file");

    private final String command;
    private final long timeoutMillis;
    private final ScheduledExecutorService watchdog;
    private Process process;
    private OutputStream stdin;
    private BufferedReader stdout;
    private boolean broken;

    /** A definition: the symbol's name, its kind as ctags names it ({@code function}, {@code macro}), its line. */
    record Definition(String name, String kind, int line) {}

    /** One line of ctags' JSON output, read with the streaming parser (a tree per tag costs more than ctags). */
    private record Tag(String type, String name, String kind, int line) {

        static Tag parse(String json) {
            String type = "";
            String name = "";
            String kind = "unknown";
            int line = 0;
            try (JsonParser parser = JSON.createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new Tag(type, name, kind, line);
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "_type" -> type = parser.getString();
                        case "name" -> name = parser.getString();
                        case "kind" -> kind = parser.getString();
                        case "line" -> line = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
                        default -> parser.skipChildren();
                    }
                }
            }
            return new Tag(type, name, kind, line);
        }
    }

    Ctags(String command, long timeoutMillis) {
        this.command = command;
        this.timeoutMillis = timeoutMillis;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-ctags-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether universal-ctags can be started with the command; checked once at startup. */
    static boolean available(String command) {
        try {
            Process probe = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .start();
            String first = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return probe.waitFor() == 0 && first.contains("Universal Ctags");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean wants(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return NAMES.contains(name) || (dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)));
    }

    /** The definitions in the file; none when ctags cannot parse it or is not available. */
    List<Definition> definitions(String path, byte[] bytes, int length) {
        if (broken || !wants(path)) {
            return List.of();
        }
        ScheduledFuture<?> kill = null;
        try {
            ensureStarted();
            String name =
                    path.substring(path.lastIndexOf('/') + 1).replace("\"", "").replace("\\", "");
            String request = "{\"command\":\"generate-tags\",\"filename\":\"" + name + "\",\"size\":" + length + "}\n";
            Process running = process;
            kill = watchdog.schedule(running::destroyForcibly, timeoutMillis, TimeUnit.MILLISECONDS);
            stdin.write(request.getBytes(StandardCharsets.UTF_8));
            stdin.write(bytes, 0, length);
            stdin.flush();
            List<Definition> definitions = new ArrayList<>();
            String line;
            while ((line = stdout.readLine()) != null) {
                Tag tag = Tag.parse(line);
                if (tag.type().equals("completed")) {
                    return definitions;
                }
                if (tag.type().equals("tag") && !IGNORED_KINDS.contains(tag.kind())) {
                    definitions.add(new Definition(tag.name(), tag.kind(), tag.line()));
                }
            }
            throw new IOException("universal-ctags ended while tagging " + path);
        } catch (IOException | RuntimeException e) {
            log.warn("No definitions for {}: {}", path, e.getMessage());
            stop();
            return List.of();
        } finally {
            if (kill != null) {
                kill.cancel(false);
            }
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(
                            command,
                            "--_interactive",
                            "--output-format=json",
                            "--fields=NnK",
                            "--extras=-r",
                            // Struct members and enumerators are many of the tags of C headers and rarely what
                            // def: is asked for (they stay findable as words and sym:); macros are read by Macros.
                            "--kinds-C=-med",
                            "--kinds-C++=-med")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
        stdin = process.getOutputStream();
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String banner = stdout.readLine();
        if (banner == null || !banner.contains("program")) {
            broken = true;
            throw new IOException("universal-ctags did not start in interactive mode");
        }
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                stdin.close();
            } catch (IOException e) {
                log.debug("ctags input already closed", e);
            }
            stop();
        }
        watchdog.shutdownNow();
    }
}
