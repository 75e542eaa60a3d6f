package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.metric.Dip;
import io.earshot.metric.DipExplanation;
import io.earshot.metric.Dips;
import io.earshot.metric.Metrics;
import io.earshot.signal.SignalFilter;
import io.earshot.text.Embedder;
import io.earshot.text.Theme;
import io.earshot.text.ThemeDiscovery;
import io.earshot.text.Themes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the demo company, themes discovered from the real texts (real embedding model, automatic number of themes) of the
 * planted dip's region in the dip month and the month before explain the dip: the theme that took most of it beyond its
 * share is mostly made of the planted card-fault intents. Discovery and storage are done here the way the theme
 * service does them (vectors, {@link ThemeDiscovery}, rows in {@code theme} and {@code signal_theme}), on those
 * signals only, to keep the test short.
 */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DemoThemeDipTests {

    @Autowired
    DemoCompany demo;

    @Autowired
    Dips dips;

    @Autowired
    Metrics metrics;

    @Autowired
    JdbcTemplate jdbc;

    PlantedDip planted;

    @BeforeEach
    void loadAndDiscoverOnce() {
        planted = PlantedDip.endingIn(DemoGenerator.lastMonth(demo.today()));
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        demo.load(demo.today(), line -> {});
        LocalDate month = planted.month().atDay(1);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, coalesce(text, '') AS text FROM signal WHERE region = ? AND occurred_at >= ? AND occurred_at < ?",
                planted.region(),
                month.minusMonths(1).atStartOfDay(),
                month.plusMonths(1).atStartOfDay());
        List<String> texts = rows.stream().map(row -> (String) row.get("text")).toList();
        Themes themes = ThemeDiscovery.discover(texts, Embedder.shared().embedAll(texts));
        for (Theme theme : themes.themes()) {
            if (theme.id() != Theme.NO_TEXT) {
                jdbc.update(
                        "INSERT INTO theme (id, label, key_phrases, status, created_at, updated_at)"
                                + " VALUES (?, ?, ?, 'active', now(), now())",
                        theme.id(),
                        theme.label(),
                        theme.label());
            }
        }
        List<Object[]> assigned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (themes.themeOf(i) != Theme.NO_TEXT) {
                assigned.add(new Object[] {rows.get(i).get("id").toString(), themes.themeOf(i)});
            }
        }
        jdbc.batchUpdate("INSERT INTO signal_theme VALUES (CAST(? AS UUID), ?, 1.0)", assigned);
    }

    @Test
    void thePlantedDipIsExplainedByAThemeOfItsCardFaultIntents() {
        LocalDate month = planted.month().atDay(1);
        Dip north = dips.find(Dips.Measure.NPS, 12, SignalFilter.ALL).stream()
                .filter(dip -> "region".equals(dip.field()) && planted.region().equals(dip.slice()))
                .filter(dip -> dip.period().equals(month))
                .findFirst()
                .orElseThrow();

        List<DipExplanation> explanations = dips.explanations(north, SignalFilter.ALL);

        assertThat(explanations).isNotEmpty();
        DipExplanation top = explanations.getFirst();
        int themeId = Integer.parseInt(top.driver().value());
        long inTheme = count(themeId, month, "TRUE");
        long planted = count(
                themeId,
                month,
                "json_extract_string(attributes, '$.intent') IN ("
                        + String.join(
                                ", ",
                                this.planted.intents().stream()
                                        .map(i -> "'" + i + "'")
                                        .toList()) + ")");
        assertThat((double) planted / inTheme)
                .as(
                        "share of planted intents in the top theme '%s' (%d signals) among %s",
                        top.label(),
                        inTheme,
                        explanations.stream().map(DipExplanation::label).toList())
                .isGreaterThan(0.5);
        assertThat(top.driver().mix())
                .as("the card-fault theme grew in the dip month")
                .isNegative();
    }

    private long count(int themeId, LocalDate month, String condition) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM signal s JOIN signal_theme st ON st.signal_id = s.id WHERE st.theme_id = ?"
                        + " AND s.occurred_at >= ? AND s.occurred_at < ? AND " + condition,
                Long.class,
                themeId,
                month.atStartOfDay(),
                month.plusMonths(1).atStartOfDay());
    }
}
