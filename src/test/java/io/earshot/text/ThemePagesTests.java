package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.Role;
import io.earshot.access.UnitRule;
import io.earshot.access.Units;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The theme pages and API over real HTTP on a store of 80 real customer messages (four banking77 intents, half in
 * region North, half in South) with four themes discovered: who may see and edit, edits and their validation, the
 * data scope, and the JSON API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ThemePagesTests {

    static final List<String> INTENTS = List.of("card_arrival", "exchange_rate", "age_limit", "atm_support");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThemeCatalogue catalogue;

    @Autowired
    StoredThemes themes;

    @Autowired
    SignalEmbeddings embeddings;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void storeAndDiscoverOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        List<StoredSignals.Signal> signals = new ArrayList<>();
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
        for (String intent : INTENTS) {
            List<String> texts = BankingTexts.of(intent, 0, 20);
            for (int i = 0; i < texts.size(); i++) {
                signals.add(signal().text(texts.get(i))
                        .at(day)
                        .region(i % 2 == 0 ? "North" : "South")
                        .nps(i % 11)
                        .attribute("intent", intent));
            }
        }
        StoredSignals.insert(jdbc, signals);
        embeddings.embedMissing();
        Units units = context.getBean(Units.class);
        units.create("north", "North", WebSession.company(context));
        units.addRule("north", new UnitRule("region", "North"));
        catalogue.discoverNow(4, 90, "test", p -> {});
    }

    @Test
    void viewersWithoutTextAccessAreRefused() {
        WebSession viewer = WebSession.as(context, port, "viewer@themes.test", Role.VIEWER);

        assertThat(viewer.get("/themes").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/themes/1").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/themes").statusCode()).isEqualTo(403);
    }

    @Test
    void leadersReadThemesButCannotEditThem() {
        WebSession leader = WebSession.as(context, port, "leader@themes.test", Role.LEADER);
        int id = themeOf("age_limit");

        HttpResponse<String> list = leader.get("/themes");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">Themes</a>").doesNotContain("Discover themes</button>");
        HttpResponse<String> page = leader.get("/themes/" + id);
        assertThat(page.body()).contains("Representative verbatims").doesNotContain("Edit this theme");
        assertThat(leader.form("/themes/" + id + "/rename", Map.of("label", "Age"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(leader.form("/themes/discover", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void listsThemesWithSizesAndOpensOneWithItsVerbatims() {
        WebSession analyst = WebSession.as(context, port, "analyst@themes.test", Role.ANALYST);
        int id = themeOf("exchange_rate");

        HttpResponse<String> list = analyst.get("/themes");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("data-theme=\"" + id + "\"").contains("Discover themes</button>");
        HttpResponse<String> page = analyst.get("/themes/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-testid=\"size\">" + themes.members(id).size() + "<")
                .contains(BankingTexts.of("exchange_rate", 0, 20).getFirst().replace("'", "&#39;"))
                .contains("id=\"theme-trend\"")
                .contains("Edit this theme");
        assertThat(analyst.get("/themes/9999").statusCode()).isEqualTo(404);
        assertThat(analyst.get("/themes/9999").body()).contains("There is no theme 9999");
    }

    @Test
    void aViewerOfOneRegionSeesOnlyItsSignals() {
        WebSession north = WebSession.as(context, port, "north@themes.test", Role.LEADER, "north");
        int id = themeOf("atm_support");
        long visible = jdbc.queryForObject(
                "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                        + " WHERE st.theme_id = ? AND s.region = 'North'",
                Long.class,
                id);

        HttpResponse<String> page = north.get("/themes/" + id);

        assertThat(page.body())
                .contains("data-testid=\"size\">" + visible + "<")
                .doesNotContain("region: South");
        JsonNode api = json.readTree(north.get("/api/v1/themes/" + id).body());
        assertThat(api.get("size").asLong()).isEqualTo(visible);
        assertThat(api.get("verbatims").size()).isEqualTo((int) visible);
    }

    @Test
    void analystsRenameAndTheEditIsAudited() {
        WebSession analyst = WebSession.as(context, port, "renamer@themes.test", Role.ANALYST);
        int id = themeOf("card_arrival");

        HttpResponse<String> renamed = analyst.form("/themes/" + id + "/rename", Map.of("label", "Where is my card"));

        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(renamed.headers().firstValue("Location").orElseThrow()).endsWith("/themes/" + id + "?done=renamed");
        assertThat(themes.get(id).label()).isEqualTo("Where is my card");
        assertThat(themes.get(id).editedBy()).isEqualTo("renamer@themes.test");
        assertThat(analyst.get("/themes").body()).contains("Where is my card");
        assertThat(context.getBean(Audit.class).entries("theme.rename", "renamer@themes.test", 0, 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("theme:" + id));
    }

    @Test
    void aDeletedThemeIsListedAndAnAnalystRestoresIt() {
        WebSession analyst = WebSession.as(context, port, "restorer@themes.test", Role.ANALYST);
        int id = themeOf("exchange_rate");
        int members = themes.members(id).size();
        assertThat(analyst.form("/themes/" + id + "/delete", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(analyst.get("/themes").body())
                .contains("Deleted themes (1)")
                .contains("href=\"/themes/" + id + "\"");
        assertThat(analyst.get("/themes/" + id).body()).contains("Restore theme");

        HttpResponse<String> restored = analyst.form("/themes/" + id + "/restore", Map.of());

        assertThat(restored.statusCode()).isEqualTo(302);
        assertThat(restored.headers().firstValue("Location").orElseThrow())
                .endsWith("/themes/" + id + "?done=restored");
        assertThat(themes.get(id).status()).isEqualTo(ThemeStatus.ACTIVE);
        assertThat(themes.members(id).size()).as("of %d members", members).isGreaterThanOrEqualTo(members * 8 / 10);
        assertThat(analyst.get("/themes").body()).doesNotContain("Deleted themes");
        assertThat(context.getBean(Audit.class).entries("theme.restore", "restorer@themes.test", 0, 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("theme:" + id));
        HttpResponse<String> again = analyst.form("/themes/" + id + "/restore", Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body())
                .contains("Theme " + id + " is active, not deleted: only a deleted theme can be restored");
    }

    @Test
    void refusedEditsSayWhyAndChangeNothing() {
        WebSession analyst = WebSession.as(context, port, "careful@themes.test", Role.ANALYST);
        int id = themeOf("age_limit");

        HttpResponse<String> itself = analyst.form("/themes/" + id + "/merge", Map.of("into", String.valueOf(id)));
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(itself.body()).contains("A theme cannot be merged into itself: choose another theme");

        HttpResponse<String> unknown = analyst.form("/themes/" + id + "/merge", Map.of("into", "999"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no theme 999: pick one from the list of themes");

        HttpResponse<String> words = analyst.form("/themes/" + id + "/split", Map.of("parts", "two"));
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("The number of parts must be a whole number, not &#39;two&#39;");

        HttpResponse<String> missing = analyst.form("/themes/999/delete", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);

        HttpResponse<String> badK = analyst.form("/themes/discover", Map.of("k", "1"));
        assertThat(badK.statusCode()).isEqualTo(400);
        assertThat(badK.body())
                .contains("The number of themes must be between 2 and 500 (or empty to choose it), not 1");
        assertThat(themes.get(id).status()).isEqualTo(ThemeStatus.ACTIVE);
    }

    @Test
    void theApiListsThemesWithTheirTrend() {
        WebSession analyst = WebSession.as(context, port, "api@themes.test", Role.ANALYST);

        JsonNode body = json.readTree(analyst.get("/api/v1/themes").body());

        assertThat(body.get("signals").asLong()).isEqualTo(80);
        assertThat(body.get("themes").size())
                .isEqualTo(themes.all().stream().filter(StoredTheme::isActive).count());
        JsonNode first = body.get("themes").get(0);
        assertThat(first.get("size").asLong())
                .isEqualTo(themes.members(first.get("id").asInt()).size());
        assertThat(first.get("months").size()).isEqualTo(12);
        assertThat(first.get("keyPhrases").size()).isEqualTo(3);
        assertThat(body.get("discovery").get("lastRun").get("status").asString())
                .isEqualTo("done");
        HttpResponse<String> unknown = analyst.get("/api/v1/themes/999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no theme 999");
    }

    private int themeOf(String intent) {
        return jdbc.queryForObject(
                "SELECT st.theme_id FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                        + " WHERE json_extract_string(s.attributes, '$.intent') = ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
                Integer.class,
                intent);
    }
}
