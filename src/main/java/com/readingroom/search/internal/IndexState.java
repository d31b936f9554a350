package com.readingroom.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the index holds per repository: which refs at which commits, and the ordinal of each ref in the documents'
 * ref bit sets. Kept in the index's own commit data, so it is always exactly what the committed documents say.
 * Ordinals are never reused within a repository, so a searcher opened before an update never reads a bit as
 * another ref.
 */
record IndexState(Map<String, RepositoryState> repositories) {

    static final String COMMIT_DATA_KEY = "readingroom.state";
    static final String SCHEMA_KEY = "readingroom.schema";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    IndexState {
        repositories = Map.copyOf(repositories);
    }

    static IndexState empty() {
        return new IndexState(Map.of());
    }

    Optional<RepositoryState> repository(String name) {
        return Optional.ofNullable(repositories.get(name));
    }

    IndexState with(RepositoryState state) {
        Map<String, RepositoryState> copy = new LinkedHashMap<>(repositories);
        copy.put(state.name(), state);
        return new IndexState(copy);
    }

    String toJson() {
        return JSON.writeValueAsString(repositories);
    }

    static IndexState fromJson(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        return new IndexState(JSON.readValue(json, new TypeReference<Map<String, RepositoryState>>() {}));
    }

    /**
     * @param refs the indexed refs, the default branch first
     * @param nextOrdinal the ordinal the next new ref gets
     */
    record RepositoryState(
            String name,
            String product,
            List<RefState> refs,
            int nextOrdinal,
            Instant indexedAt,
            long files,
            long commits) {

        RepositoryState {
            refs = List.copyOf(refs);
        }

        Optional<RefState> ref(String name) {
            return refs.stream().filter(ref -> ref.name().equals(name)).findFirst();
        }

        Optional<RefState> byOrdinal(int ordinal) {
            return refs.stream().filter(ref -> ref.ordinal() == ordinal).findFirst();
        }

        List<String> refNames() {
            List<String> names = new ArrayList<>();
            refs.forEach(ref -> names.add(ref.name()));
            return names;
        }
    }

    record RefState(String name, int ordinal, String commit, boolean defaultBranch) {}
}
