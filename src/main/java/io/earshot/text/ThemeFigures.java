package io.earshot.text;

import io.earshot.access.DataScopes;
import io.earshot.metric.Csat;
import io.earshot.metric.Nps;
import io.earshot.signal.PocDefinition;
import io.earshot.signal.SignalField;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads scores per theme from the store: the signals a filter selects within the viewer's data scope, each in its
 * active theme ({@code signal_theme} joined to {@code theme.status = 'active'}) or in none. Only aggregates leave
 * DuckDB.
 */
@Repository
class ThemeFigures {

    /** The fields besides the theme that key-driver analysis reads, in order. */
    static final List<String> FIELDS =
            List.of("region", "segment", "product", "channel", "touchpoint", "journey_stage", "source");

    private final JdbcTemplate jdbc;
    private final DataScopes scopes;
    private final PocDefinition poc;

    ThemeFigures(JdbcTemplate jdbc, DataScopes scopes, PocDefinition poc) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.poc = poc;
    }

    /** An active theme: its id and the name pages show. */
    record Label(int id, String label) {}

    /**
     * The counts of one theme's signals (or of the signals in no active theme).
     *
     * @param themeId the theme, {@code null} for signals in no active theme
     * @param month the first day of the month, {@code null} when not by month
     */
    record Counts(Integer themeId, LocalDate month, long volume, Nps nps, Csat csat) {}

    /** One pattern of driver values and the scores of the responses that share it. */
    record Cell(List<String> values, Welch.Sums sums) {}

    /** The active themes by id, whether or not the selection holds any of their signals. */
    Map<Integer, Label> activeThemes() {
        Map<Integer, Label> themes = new LinkedHashMap<>();
        jdbc.query("SELECT id, label FROM theme WHERE status = 'active' ORDER BY id", row -> {
            themes.put(row.getInt("id"), new Label(row.getInt("id"), row.getString("label")));
        });
        return themes;
    }

    /** The counts per theme over the selection, with a row for signals in no active theme when there are any. */
    List<Counts> counts(SignalFilter filter) {
        return counts(filter, false);
    }

    /** The counts per theme and month over the selection. */
    List<Counts> countsByMonth(SignalFilter filter) {
        return counts(filter, true);
    }

    private List<Counts> counts(SignalFilter filter, boolean byMonth) {
        List<Object> parameters = new ArrayList<>();
        String selected = selected(filter, parameters);
        String month = byMonth ? ", CAST(date_trunc('month', s.occurred_at) AS DATE) AS month" : "";
        return jdbc.query(
                """
                %s
                SELECT a.theme_id%s,
                    count(*) AS volume,
                    count(s.nps) AS nps_n,
                    count(*) FILTER (WHERE s.nps >= 9) AS promoters,
                    count(*) FILTER (WHERE s.nps <= 6) AS detractors,
                    count(s.csat) AS csat_n,
                    count(*) FILTER (WHERE s.csat >= 4) AS satisfied
                FROM selected s LEFT JOIN assigned a ON a.signal_id = s.id
                GROUP BY ALL ORDER BY ALL NULLS LAST
                """.formatted(selected, month),
                (row, i) -> new Counts(
                        row.getObject("theme_id") == null ? null : row.getInt("theme_id"),
                        byMonth ? row.getObject("month", LocalDate.class) : null,
                        row.getLong("volume"),
                        new Nps(row.getLong("nps_n"), row.getLong("promoters"), row.getLong("detractors")),
                        new Csat(row.getLong("csat_n"), row.getLong("satisfied"))),
                parameters.toArray());
    }

    /**
     * The responses with a {@code nps} (or {@code csat}) score grouped by theme and the {@link #FIELDS}: each cell's
     * values are the theme id (or {@code null}) followed by the fields' values, with the count, sum and sum of squares
     * of the per-response score (NPS: promoter 100, passive 0, detractor −100; CSAT: satisfied 100, else 0).
     */
    List<Cell> cells(boolean nps, SignalFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String selected = selected(filter, parameters);
        String score = nps
                ? "CASE WHEN s.nps >= 9 THEN 100 WHEN s.nps <= 6 THEN -100 ELSE 0 END"
                : "CASE WHEN s.csat >= 4 THEN 100 ELSE 0 END";
        String columns = String.join(
                ", ",
                FIELDS.stream()
                        .map(field -> "s." + SignalField.sql(field).orElseThrow())
                        .toList());
        return jdbc.query(
                """
                %s
                SELECT CAST(a.theme_id AS VARCHAR) AS theme, %s,
                    count(*) AS n, sum(y) AS total, sum(y * y) AS squares
                FROM (SELECT s.*, %s AS y FROM selected s WHERE s.%s IS NOT NULL) s
                LEFT JOIN assigned a ON a.signal_id = s.id
                GROUP BY ALL
                """.formatted(selected, columns, score, nps ? "nps" : "csat"),
                (row, i) -> {
                    List<String> values = new ArrayList<>(FIELDS.size() + 1);
                    values.add(row.getString("theme"));
                    for (int f = 0; f < FIELDS.size(); f++) {
                        values.add(row.getString(f + 2));
                    }
                    return new Cell(
                            values, new Welch.Sums(row.getLong("n"), row.getDouble("total"), row.getDouble("squares")));
                },
                parameters.toArray());
    }

    /**
     * The common table expressions {@code selected} (the filter's signals the viewer may see) and {@code assigned}
     * (each signal's active theme; at most one, the lowest id should the table ever hold two).
     */
    private String selected(SignalFilter filter, List<Object> parameters) {
        String where =
                filter.where(poc, parameters) + " AND " + scopes.current().sql(parameters);
        return """
                WITH selected AS (SELECT * FROM signal WHERE %s),
                assigned AS (
                    SELECT st.signal_id, min(st.theme_id) AS theme_id
                    FROM signal_theme st JOIN theme t ON t.id = st.theme_id AND t.status = 'active'
                    GROUP BY st.signal_id)""".formatted(where);
    }
}
