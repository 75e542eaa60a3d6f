package io.earshot.signal;

import io.earshot.access.DataScopes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists the signals behind a number, newest first and a page at a time: the verbatims a reader drills down to from any
 * metric.
 */
@Service
public class Verbatims {

    /** Verbatims per page. */
    public static final int PAGE_SIZE = 25;

    private static final String COLUMNS = "CAST(id AS VARCHAR) AS id, source, occurred_at, customer_id, text, nps,"
            + " csat, ces, channel, touchpoint, journey_stage, product, region, segment, language, account_id,"
            + " CAST(attributes AS VARCHAR) AS attributes";
    private static final List<SignalField> SHOWN = List.of(
            SignalField.CHANNEL,
            SignalField.TOUCHPOINT,
            SignalField.JOURNEY_STAGE,
            SignalField.PRODUCT,
            SignalField.REGION,
            SignalField.SEGMENT,
            SignalField.LANGUAGE,
            SignalField.ACCOUNT_ID);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final PocDefinition poc;
    private final DataScopes scopes;

    Verbatims(JdbcTemplate jdbc, PocDefinition poc, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.poc = poc;
    }

    /** One page of the verbatims a query selects, with their total count. */
    public VerbatimPage page(VerbatimQuery query) {
        List<Object> parameters = new ArrayList<>();
        // The viewer's data scope: a list never shows a signal its viewer may not see.
        String where = query.filter().where(poc, parameters) + " AND "
                + scopes.current().sql(parameters);
        if (query.score() != null) {
            where += " AND " + query.score().sql();
        }
        Long total =
                jdbc.queryForObject("SELECT count(*) FROM signal WHERE " + where, Long.class, parameters.toArray());
        List<Object> paged = new ArrayList<>(parameters);
        paged.add((long) (query.page() - 1) * PAGE_SIZE);
        List<Verbatim> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM signal WHERE " + where + " ORDER BY occurred_at DESC, id LIMIT "
                        + PAGE_SIZE + " OFFSET ?",
                Verbatims::verbatim,
                paged.toArray());
        return new VerbatimPage(query, items, total == null ? 0 : total, PAGE_SIZE);
    }

    /** Whether the store holds no signals at all. */
    public boolean storeIsEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM signal)", Boolean.class));
    }

    /** The POC definition in force, shown when verbatims are narrowed to POC. */
    public String pocDefinition() {
        return poc.describe();
    }

    private static Verbatim verbatim(ResultSet rs, int rowNumber) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (SignalField field : SHOWN) {
            String value = rs.getString(field.key());
            if (value != null && !value.isEmpty()) {
                fields.put(field.key(), value);
            }
        }
        String attributes = rs.getString("attributes");
        if (attributes != null && !attributes.isBlank()) {
            JSON.readValue(attributes, new TypeReference<Map<String, Object>>() {})
                    .forEach((name, value) -> {
                        if (value != null) {
                            fields.put("attributes." + name, String.valueOf(value));
                        }
                    });
        }
        return new Verbatim(
                UUID.fromString(rs.getString("id")),
                rs.getString("source"),
                rs.getTimestamp("occurred_at").toLocalDateTime(),
                rs.getString("customer_id"),
                rs.getString("text"),
                score(rs, "nps"),
                score(rs, "csat"),
                score(rs, "ces"),
                fields);
    }

    private static Integer score(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
