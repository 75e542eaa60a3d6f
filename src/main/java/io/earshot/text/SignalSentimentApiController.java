package io.earshot.text;

import io.earshot.access.DataScopes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals/{id}/sentiment}: the sentiment of one signal's text, whole and sentence by sentence, and
 * its emotions, for a signal in the caller's data scope. The whole-text sentiment and the emotions are the stored ones
 * (computed now if the backfill has not reached the signal yet); the sentences are classified on request. 400 for an
 * id that is not a UUID, 404 for a signal that does not exist, has no text, or lies outside the caller's scope.
 */
@RestController
class SignalSentimentApiController {

    private final JdbcTemplate jdbc;
    private final DataScopes scopes;
    private final SignalSentiments sentiments;
    private final SignalEmotions emotions;

    SignalSentimentApiController(
            JdbcTemplate jdbc, DataScopes scopes, SignalSentiments sentiments, SignalEmotions emotions) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.sentiments = sentiments;
        this.emotions = emotions;
    }

    @GetMapping("/api/v1/signals/{id}/sentiment")
    ResponseEntity<Map<String, Object>> sentiment(@PathVariable("id") String id) {
        UUID signalId;
        try {
            signalId = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "The signal id '" + id + "' is not a UUID");
        }
        List<Object> parameters = new ArrayList<>(List.of(signalId));
        String where = "id = ? AND text IS NOT NULL AND " + scopes.current().sql(parameters);
        List<String> text =
                jdbc.queryForList("SELECT text FROM signal WHERE " + where, String.class, parameters.toArray());
        if (text.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No signal with a text has the id " + signalId + " in your data scope");
        }
        SentimentClassifier classifier = SentimentClassifier.shipped();
        SentimentScore whole = sentiments.of(Set.of(signalId)).get(signalId);
        List<EmotionScore> felt = emotions.of(Set.of(signalId)).get(signalId);
        if (whole == null || felt == null) {
            float[] vector = Embedder.shared().embed(text.getFirst().strip());
            whole = whole != null ? whole : classifier.classify(text.getFirst());
            felt = felt != null ? felt : EmotionClassifier.shipped().classifyEmbedding(vector);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", signalId);
        body.put("model", SignalSentiments.MODEL);
        body.put("sentiment", described(whole));
        body.put("emotions", felt);
        body.put("emotionModel", SignalEmotions.MODEL);
        List<Map<String, Object>> sentences = new ArrayList<>();
        for (SentenceSentiment sentence : classifier.classifySentences(text.getFirst())) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("text", sentence.sentence());
            one.put("start", sentence.start());
            one.putAll(described(sentence.sentiment()));
            sentences.add(one);
        }
        body.put("sentences", sentences);
        return ResponseEntity.ok(body);
    }

    private static Map<String, Object> described(SentimentScore score) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("sentiment", score.sentiment().label());
        described.put("score", score.score());
        described.put("negative", score.negative());
        described.put("neutral", score.neutral());
        described.put("positive", score.positive());
        return described;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        return ResponseEntity.status(status).body(body);
    }
}
