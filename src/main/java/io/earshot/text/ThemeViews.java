package io.earshot.text;

import io.earshot.access.DataScope;
import io.earshot.signal.Verbatim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the theme pages and API show, always in the viewer's data scope: the active themes with their size, share and
 * trend, and one theme's representative and paged verbatims.
 */
@Service
class ThemeViews {

    /** Verbatims per page of a theme. */
    static final int PAGE_SIZE = 25;

    /** Representative verbatims shown per theme. */
    static final int REPRESENTATIVES = 3;

    private static final List<String> FIELDS =
            List.of("channel", "touchpoint", "journey_stage", "product", "region", "segment");

    private final JdbcTemplate jdbc;
    private final StoredThemes themes;
    private final ThemeTrends trends;

    ThemeViews(JdbcTemplate jdbc, StoredThemes themes, ThemeTrends trends) {
        this.jdbc = jdbc;
        this.themes = themes;
        this.trends = trends;
    }

    /**
     * An active theme as listed.
     *
     * @param size its signals the viewer may see
     * @param share its share of the signals with an embedded text the viewer may see, in percent
     */
    record Summary(StoredTheme theme, long size, double share, ThemeTrend trend) {}

    /** One page of a theme's verbatims, newest first. */
    record VerbatimsPage(List<Verbatim> items, long total, int page) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** The active themes, largest first in the viewer's scope. */
    List<Summary> summaries(DataScope scope) {
        List<StoredTheme> active =
                themes.all().stream().filter(StoredTheme::isActive).toList();
        List<Object> parameters = new ArrayList<>();
        String visible = scope.sql(parameters);
        Map<Integer, Long> sizes = new HashMap<>();
        jdbc.query(
                "SELECT st.theme_id, count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id WHERE "
                        + visible + " GROUP BY 1",
                r -> {
                    sizes.put(r.getInt(1), r.getLong(2));
                },
                parameters.toArray());
        long embedded = embeddedTexts(scope);
        Map<Integer, ThemeTrend> trend =
                trends.of(active.stream().map(StoredTheme::id).toList(), scope);
        return active.stream()
                .map(theme -> {
                    long size = sizes.getOrDefault(theme.id(), 0L);
                    return new Summary(theme, size, embedded == 0 ? 0 : 100.0 * size / embedded, trend.get(theme.id()));
                })
                .sorted(Comparator.comparingLong((Summary s) -> -s.size())
                        .thenComparingInt(s -> s.theme().id()))
                .toList();
    }

    /** One theme with its size and trend in the viewer's scope. */
    Summary summary(StoredTheme theme, DataScope scope) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(theme.id());
        Long size = jdbc.queryForObject(
                "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id WHERE st.theme_id = ? AND "
                        + scope.sql(parameters),
                Long.class,
                parameters.toArray());
        long embedded = embeddedTexts(scope);
        ThemeTrend trend = trends.of(List.of(theme.id()), scope).get(theme.id());
        return new Summary(theme, size, embedded == 0 ? 0 : 100.0 * size / embedded, trend);
    }

    /** The theme's verbatims nearest its centre. */
    List<Verbatim> representatives(int id, DataScope scope) {
        return verbatims(id, scope, "st.similarity DESC, s.id", REPRESENTATIVES, 0);
    }

    /** Page {@code page} (from 1) of the theme's verbatims, newest first. */
    VerbatimsPage page(int id, DataScope scope, int page) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(id);
        Long total = jdbc.queryForObject(
                "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id WHERE st.theme_id = ? AND "
                        + scope.sql(parameters),
                Long.class,
                parameters.toArray());
        return new VerbatimsPage(
                verbatims(id, scope, "s.occurred_at DESC, s.id", PAGE_SIZE, (long) (page - 1) * PAGE_SIZE),
                total == null ? 0 : total,
                page);
    }

    /** Signals with an embedded text the viewer may see: what the themes could hold. */
    long embeddedTexts(DataScope scope) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(Embedder.MODEL);
        return jdbc.queryForObject(
                "SELECT count(*) FROM signal s WHERE EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id"
                        + " AND e.model = ?) AND " + scope.sql(parameters),
                Long.class,
                parameters.toArray());
    }

    private List<Verbatim> verbatims(int id, DataScope scope, String order, int limit, long offset) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(id);
        String visible = scope.sql(parameters);
        parameters.add(offset);
        return jdbc.query(
                "SELECT s.id, s.source, s.occurred_at, s.customer_id, s.text, s.nps, s.csat, s.ces, "
                        + String.join(", ", FIELDS.stream().map(f -> "s." + f).toList())
                        + " FROM signal_theme st JOIN signal s ON s.id = st.signal_id WHERE st.theme_id = ? AND "
                        + visible + " ORDER BY " + order + " LIMIT " + limit + " OFFSET ?",
                ThemeViews::verbatim,
                parameters.toArray());
    }

    private static Integer score(ResultSet r, String column) throws SQLException {
        Object value = r.getObject(column);
        return value == null ? null : ((Number) value).intValue();
    }

    private static Verbatim verbatim(ResultSet r, int row) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = r.getString(field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        return new Verbatim(
                r.getObject("id", java.util.UUID.class),
                r.getString("source"),
                r.getTimestamp("occurred_at").toLocalDateTime(),
                r.getString("customer_id"),
                r.getString("text"),
                score(r, "nps"),
                score(r, "csat"),
                score(r, "ces"),
                fields);
    }
}
