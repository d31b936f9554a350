package com.readingroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of STYLE.md, enforced: no cycles, no dependency a module's package-info does not allow. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ReadingRoomApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramIntoTheDocs() throws IOException {
        Path docs = Path.of("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(docs);
    }

    /** The Documenter lists relations in no fixed order; sorting them keeps the committed diagrams stable. */
    private static void sortRelations(Path docs) throws IOException {
        try (Stream<Path> files = Files.list(docs)) {
            for (Path diagram :
                    files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram);
                List<String> relations = lines.stream()
                        .filter(line -> line.startsWith("Rel("))
                        .sorted()
                        .toList();
                Iterator<String> sorted = relations.iterator();
                List<String> stable = lines.stream()
                        .map(line -> line.startsWith("Rel(") ? sorted.next() : line)
                        .toList();
                Files.write(diagram, stable);
            }
        }
    }
}
