package com.readingroom.source.internal;

import com.readingroom.source.ImportedRepository;
import com.readingroom.source.SampleImportException;
import com.readingroom.source.SampleRepositories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Service
class GitSampleRepositories implements SampleRepositories {

    private static final Logger log = LoggerFactory.getLogger(GitSampleRepositories.class);
    private static final String MANIFEST = "history.json";

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public List<ImportedRepository> importAll(Path samplesDir, Path targetDir) {
        if (!Files.isDirectory(samplesDir)) {
            throw new SampleImportException("Sample folder " + samplesDir.toAbsolutePath() + " does not exist.");
        }
        List<ImportedRepository> imported = new ArrayList<>();
        for (Path sample : samples(samplesDir)) {
            imported.add(importOne(sample, targetDir));
        }
        return List.copyOf(imported);
    }

    private static List<Path> samples(Path samplesDir) {
        try (Stream<Path> children = Files.list(samplesDir)) {
            return children.filter(child -> Files.isRegularFile(child.resolve(MANIFEST)))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + samplesDir, e);
        }
    }

    private ImportedRepository importOne(Path sample, Path targetDir) {
        String name = sample.getFileName().toString();
        SampleHistory history = readHistory(sample);
        Path target = targetDir.resolve(name + ".git");
        if (Files.exists(target)) {
            return new ImportedRepository(name, history.description(), target, false);
        }
        try {
            Files.createDirectories(targetDir);
            // Build beside the target and move into place, so a crash never leaves a half-made repository behind.
            Path building = Files.createTempDirectory(targetDir, "." + name + "-building-");
            try {
                new HistoryReplay(sample, history).writeTo(building);
                Files.move(building, target);
            } finally {
                deleteRecursively(building);
            }
        } catch (IOException e) {
            throw new SampleImportException("Could not create the git repository for sample '" + name + "'", e);
        }
        log.info(
                "Created sample repository {} ({} commits)",
                target,
                history.commits().size());
        return new ImportedRepository(name, history.description(), target, true);
    }

    private SampleHistory readHistory(Path sample) {
        Path manifest = sample.resolve(MANIFEST);
        try {
            return json.readValue(manifest.toFile(), SampleHistory.class);
        } catch (JacksonException e) {
            throw new SampleImportException(
                    "Sample manifest " + manifest + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
