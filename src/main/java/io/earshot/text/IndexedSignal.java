package io.earshot.text;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A signal as the search index holds it: what search filters by, ranks on and shows.
 *
 * @param fields the signal fields that have a value
 * @param vector the stored sentence vector of its text, or {@code null} while the text is not embedded (or absent)
 * @param sentiment its stored sentiment (negative, neutral, positive), or {@code null}
 * @param theme the id of its active theme, or {@code null}
 * @param emotions its stored emotions, in {@link SignalEmotions#ORDER}; none while the text is not analysed
 */
record IndexedSignal(
        UUID id,
        LocalDateTime occurredAt,
        Map<String, String> fields,
        Integer nps,
        Integer csat,
        Integer ces,
        String text,
        float[] vector,
        String sentiment,
        Integer theme,
        List<EmotionScore> emotions) {

    IndexedSignal {
        fields = Map.copyOf(fields);
        emotions = emotions.stream().sorted(SignalEmotions.ORDER).toList();
    }
}
