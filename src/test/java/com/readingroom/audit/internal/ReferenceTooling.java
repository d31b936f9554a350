package com.readingroom.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/interop/tlogcheck} — a few lines of Go around golang.org/x/mod/sumdb/note and .../tlog, the
 * reference implementation of signed notes and transparency-log proofs — with Debian's Go and its packaged x/mod
 * (GOPATH mode, nothing downloaded). src/test/services/test-services.sh installs both.
 */
final class ReferenceTooling {

    private ReferenceTooling() {}

    /** @return {@code ok: <output>} or {@code failed: <error output>} */
    static String tlogcheck(String... arguments) throws IOException, InterruptedException {
        Path cache = Files.createDirectories(Path.of("target", "go-cache").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of("go", "run", "src/test/interop/tlogcheck/main.go"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("GO111MODULE", "off");
        builder.environment().put("GOPATH", "/usr/share/gocode");
        builder.environment().put("GOCACHE", cache.toString());
        builder.environment().put("GOFLAGS", "");
        builder.environment().put("GOTOOLCHAIN", "local");
        builder.environment().put("HOME", cache.toString());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("tlogcheck did not finish in 180 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? "ok: " + out : "failed: " + err;
    }
}
