package io.earshot.metric;

import io.earshot.access.DataScopes;
import io.earshot.signal.PocDefinition;
import io.earshot.signal.SignalField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes NPS, CSAT, CES and POC over the signal store. Each request is one DuckDB {@code GROUP BY} query that
 * returns only aggregates; signals are never loaded into Java.
 */
@Service
public class Metrics {

    private final JdbcTemplate jdbc;
    private final DataScopes scopes;
    private final PocDefinition poc;
    private final Clock clock;

    Metrics(JdbcTemplate jdbc, PocDefinition poc, Clock clock, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.poc = poc;
        this.clock = clock;
    }

    /** The POC definition in force; show its {@link PocDefinition#describe()} wherever a POC figure is. */
    public PocDefinition poc() {
        return poc;
    }

    /**
     * The metrics of every slice (and period) the query selects, ordered by slice (signals without a value last) and
     * period; with a period, each row carries its changes since the previous period of the same slice.
     */
    public List<SliceMetrics> compute(MetricQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(query, parameters);
        List<SliceMetrics> rows = jdbc.query(sql, (row, i) -> read(row, query), parameters.toArray()).stream()
                .filter(Objects::nonNull)
                .toList();
        return query.period() == null ? rows : withChanges(rows, query.period());
    }

    /** The first day of the latest period that has ended by today, e.g. last month for {@link Period#MONTH}. */
    public LocalDate latestComplete(Period period) {
        return period.previous(period.start(LocalDate.now(clock)));
    }

    /** True when the store holds no signal at all. */
    public boolean storeIsEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM signal)", Boolean.class));
    }

    /** The free attributes stored signals carry, as {@code attributes.NAME}, for field pickers. */
    public List<String> attributeFields() {
        List<Object> parameters = new ArrayList<>();
        String scope = scopes.current().sql(parameters);
        return jdbc.queryForList("""
                SELECT DISTINCT 'attributes.' || key AS field
                FROM (SELECT unnest(json_keys(attributes)) AS key FROM signal WHERE attributes IS NOT NULL AND %s)
                WHERE regexp_matches(key, '^[A-Za-z0-9_\\-]{1,64}$')
                ORDER BY 1 LIMIT 200
                """.formatted(scope), String.class, parameters.toArray());
    }

    private String sql(MetricQuery query, List<Object> parameters) {
        List<String> groups = new ArrayList<>();
        if (query.by() != null) {
            groups.add(SignalField.sql(query.by()).orElseThrow() + " AS slice");
        }
        if (query.period() != null) {
            groups.add(query.period().sql() + " AS period");
        }
        String select = groups.isEmpty() ? "" : String.join(", ", groups) + ", ";
        // The viewer's data scope: a number never includes signals its viewer may not see.
        String where = query.filter().where(poc, parameters) + " AND "
                + scopes.current().sql(parameters);
        String groupBy = groups.isEmpty() ? "" : " GROUP BY ALL ORDER BY ALL NULLS LAST";
        return "SELECT " + select + """
                count(*) AS volume,
                count(nps) AS nps_n,
                count(*) FILTER (WHERE nps >= 9) AS promoters,
                count(*) FILTER (WHERE nps <= 6) AS detractors,
                count(csat) AS csat_n,
                count(*) FILTER (WHERE csat >= 4) AS satisfied,
                count(ces) AS ces_n,
                avg(ces) AS ces_mean,
                var_samp(ces) AS ces_variance,
                count(*) FILTER (WHERE %s) AS poc
                FROM signal WHERE %s""".formatted(poc.sql(), where) + groupBy;
    }

    private static SliceMetrics read(ResultSet row, MetricQuery query) throws SQLException {
        long volume = row.getLong("volume");
        if (volume == 0) {
            return null; // an ungrouped query over no signals still answers one row
        }
        String slice = query.by() == null ? MetricQuery.ALL : row.getString("slice");
        LocalDate period = query.period() == null ? null : row.getObject("period", LocalDate.class);
        long cesN = row.getLong("ces_n");
        return new SliceMetrics(
                slice,
                period,
                volume,
                new Nps(row.getLong("nps_n"), row.getLong("promoters"), row.getLong("detractors")),
                new Csat(row.getLong("csat_n"), row.getLong("satisfied")),
                new Ces(cesN, cesN == 0 ? null : row.getDouble("ces_mean"), row.getDouble("ces_variance")),
                new Poc(row.getLong("poc"), volume),
                null,
                null,
                null,
                null);
    }

    /** Rows come ordered by slice, then period, so a slice's previous period is the row before, if adjacent. */
    private static List<SliceMetrics> withChanges(List<SliceMetrics> rows, Period period) {
        List<SliceMetrics> result = new ArrayList<>(rows.size());
        SliceMetrics before = null;
        for (SliceMetrics row : rows) {
            boolean adjacent = before != null
                    && Objects.equals(before.slice(), row.slice())
                    && period.previous(row.period()).equals(before.period());
            result.add(adjacent ? row.comparedWith(before) : row);
            before = row;
        }
        return result;
    }
}
