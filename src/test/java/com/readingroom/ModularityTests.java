package com.readingroom;

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
    void writesTheModuleDiagramIntoTheDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
