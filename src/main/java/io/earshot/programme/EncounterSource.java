package io.earshot.programme;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where one kind of customer exposure is recorded (sessions attended, workshops, events, clips watched). Each source
 * is a bean; {@link Encounters} gathers them all, so a new kind of exposure is one more source.
 */
interface EncounterSource {

    /** The encounters of every person, by user id: what they actually attended or watched. */
    Map<UUID, List<Encounter>> encounters();
}
