package com.readingroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged Reading Room ({@code target/reading-room-*.jar}, as {@code mvn package} leaves it) run as its own
 * process on the test PostgreSQL server, in a schema of its own, for tests that kill it. The jar is run in Vaadin's
 * production mode without the UI bundle: these tests drive only the machine API.
 */
public final class PackagedApp implements AppNode, AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private PackagedApp(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * @param schema the PostgreSQL schema of this installation (created if missing)
     * @param dataDir its data directory (repositories, index, signing key)
     */
    public static PackagedApp onPostgres(String schema, Path dataDir, int port, String... settings) throws IOException {
        Files.createDirectories(dataDir);
        String url = System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Dvaadin.productionMode=true",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=rr",
                "--spring.datasource.password=rr",
                "--spring.flyway.schemas=" + schema,
                "--readingroom.data-dir=" + dataDir.toAbsolutePath(),
                "--readingroom.samples-dir=" + Path.of("repos-sample").toAbsolutePath(),
                "--readingroom.demo.enabled=true"));
        command.addAll(List.of(settings));
        return new PackagedApp(command, dataDir.resolve("app.log"), port);
    }

    private static Path jar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("reading-room-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/reading-room-*.jar: run mvn package"));
        }
    }

    /** Starts the process and waits until it answers HTTP (any status) or gives up. */
    public PackagedApp start(Duration timeout) throws IOException, InterruptedException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/openapi.json"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("The app did not answer within " + timeout + "; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The running process's id: the same before and after an outage proves the app was not restarted. */
    public long pid() {
        return process.pid();
    }

    @Override
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public String whereToLook() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
