package io.earshot.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Every person's encounters with customers, gathered from all {@link EncounterSource}s. */
@Service
class Encounters {

    private final List<EncounterSource> sources;

    Encounters(List<EncounterSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Everyone's encounters, by user id. */
    Map<UUID, List<Encounter>> everyone() {
        Map<UUID, List<Encounter>> all = new HashMap<>();
        for (EncounterSource source : sources) {
            source.encounters()
                    .forEach((user, encounters) ->
                            all.computeIfAbsent(user, u -> new ArrayList<>()).addAll(encounters));
        }
        return all;
    }

    /** User {@code userId}'s encounters. */
    List<Encounter> of(UUID userId) {
        return everyone().getOrDefault(userId, List.of());
    }
}
