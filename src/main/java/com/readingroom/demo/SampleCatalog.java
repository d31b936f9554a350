package com.readingroom.demo;

import com.readingroom.source.SampleImportException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code repos-sample/catalog.json}: which sample repositories make up which product. */
@Component
class SampleCatalog {

    private final JsonMapper json = JsonMapper.builder().build();

    List<SampleProduct> read(Path samplesDir) {
        Path file = samplesDir.resolve("catalog.json");
        try {
            return json.readValue(file.toFile(), Catalog.class).products();
        } catch (JacksonException e) {
            throw new SampleImportException("Sample catalog " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    record Catalog(List<SampleProduct> products) {}

    record SampleProduct(String name, String description, List<String> repositories) {}
}
