package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.UnitRule;
import io.earshot.access.Units;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/signals/{id}/sentiment}: a signal's sentiment sentence by sentence and its emotions, over HTTP,
 * within the caller's data scope, with the stored whole-text results and clear errors.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class SignalSentimentApiTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Units units;

    @Autowired
    SignalEmbeddings embeddings;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void servesSentencesAndEmotionsOfASignalInScope() throws Exception {
        String company = WebSession.company(context);
        units.create("north", "North", company);
        units.addRule("north", new UnitRule("region", "North"));
        String mixed =
                "The agent on the phone was lovely and so helpful. But my refund never arrived and I am furious!";
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().text(mixed).region("North").nps(4),
                        signal().text("Thanks, all good").region("South").nps(9),
                        signal().region("North").nps(7)));
        UUID north = id("region = 'North' AND text IS NOT NULL"), south = id("region = 'South'");
        UUID silent = id("text IS NULL");
        embeddings.embedMissing();
        WebSession leader = WebSession.as(context, port, "leader@north.test", Role.LEADER, "north");

        HttpResponse<String> response = leader.get("/api/v1/signals/" + north + "/sentiment");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(north.toString());
        SentimentScore stored =
                context.getBean(SignalSentiments.class).of(List.of(north)).get(north);
        assertThat(body.get("sentiment").get("sentiment").asString())
                .isEqualTo(stored.sentiment().label());
        assertThat(body.get("sentiment").get("score").asDouble()).isEqualTo(stored.score());
        JsonNode sentences = body.get("sentences");
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).get("text").asString())
                .isEqualTo("The agent on the phone was lovely and so helpful.");
        assertThat(sentences.get(0).get("start").asInt()).isZero();
        assertThat(sentences.get(0).get("sentiment").asString()).isEqualTo("positive");
        assertThat(sentences.get(1).get("text").asString()).isEqualTo("But my refund never arrived and I am furious!");
        assertThat(sentences.get(1).get("start").asInt()).isEqualTo(mixed.indexOf("But"));
        assertThat(sentences.get(1).get("sentiment").asString()).isEqualTo("negative");
        List<EmotionScore> emotions =
                context.getBean(SignalEmotions.class).of(List.of(north)).get(north);
        assertThat(body.get("emotions")).hasSize(emotions.size());
        assertThat(body.get("emotions").get(0).get("emotion").asString())
                .isEqualTo(emotions.getFirst().emotion());

        HttpResponse<String> outside = leader.get("/api/v1/signals/" + south + "/sentiment");
        assertThat(outside.statusCode())
                .as("a signal outside the leader's scope")
                .isEqualTo(404);
        assertThat(json.readTree(outside.body()).get("error").asString())
                .isEqualTo("No signal with a text has the id " + south + " in your data scope");
        assertThat(leader.get("/api/v1/signals/" + silent + "/sentiment").statusCode())
                .as("a signal without text")
                .isEqualTo(404);
        HttpResponse<String> malformed = leader.get("/api/v1/signals/not-an-id/sentiment");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("error").asString())
                .isEqualTo("The signal id 'not-an-id' is not a UUID");

        context.getBean(SearchIndex.class).rebuild(status -> {});
        JsonNode found = json.readTree(leader.get("/api/v1/search?q=refund").body());
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode hitEmotions = found.get("emotions").get(north.toString());
        assertThat(hitEmotions).as("the search API gives each hit's emotions").hasSize(emotions.size());
        assertThat(hitEmotions.get(0).get("emotion").asString())
                .isEqualTo(emotions.getFirst().emotion());
        assertThat(hitEmotions.get(0).get("probability").asDouble())
                .isEqualTo(emotions.getFirst().probability());

        WebSession viewer = WebSession.as(context, port, "viewer@sentiment.test", Role.VIEWER);
        assertThat(viewer.get("/api/v1/signals/" + north + "/sentiment").statusCode())
                .as("viewers do not read texts")
                .isEqualTo(403);
    }

    private UUID id(String where) {
        return jdbc.queryForObject("SELECT id FROM signal WHERE " + where, UUID.class);
    }
}
