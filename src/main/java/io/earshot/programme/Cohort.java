package io.earshot.programme;

import java.util.List;
import java.util.UUID;

/**
 * A small group of decision-makers in a programme who meet customers together, again and again.
 *
 * @param memberIds the leaders in it, users by id
 */
public record Cohort(UUID id, UUID programmeId, String name, List<UUID> memberIds) {

    static final int MAX_NAME = 80;

    public Cohort {
        name = Text.required(name, "A cohort's name", MAX_NAME);
        memberIds = List.copyOf(memberIds);
    }
}
