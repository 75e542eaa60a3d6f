package io.earshot.signal;

import io.earshot.access.DataScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The customers the signals know of, for recruiting them (e.g. to a programme's customer panel): each customer id with
 * its account, region and segment from its latest signal, how many signals it has and when the last was. Only the
 * signals in the viewer's data scope count.
 */
@Service
public class CustomerDirectory {

    /** The most customers one search returns. */
    public static final int MAX_RESULTS = 50;

    private final JdbcTemplate jdbc;

    CustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer in the directory. */
    public record Customer(
            String id, String accountId, String region, String segment, long signals, LocalDate lastSignal) {}

    /**
     * The customers whose id or account contains {@code text} (case-insensitive; blank gives the most recently heard
     * from), most recently heard from first, at most {@code limit} (capped at {@link #MAX_RESULTS}).
     */
    public List<Customer> search(String text, DataScope scope, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = "customer_id IS NOT NULL AND " + scope.sql(parameters);
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            where += " AND (lower(customer_id) LIKE ? ESCAPE '\\' OR lower(account_id) LIKE ? ESCAPE '\\')";
            String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(like);
            parameters.add(like);
        }
        parameters.add(Math.max(1, Math.min(limit, MAX_RESULTS)));
        return customers(where, "ORDER BY last_signal DESC, customer_id LIMIT ?", parameters);
    }

    /** Customer {@code id} as the directory knows them, if any signal in scope names them. */
    public Optional<Customer> find(String id, DataScope scope) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(id);
        String where = "customer_id = ? AND " + scope.sql(parameters);
        return customers(where, "", parameters).stream().findFirst();
    }

    private List<Customer> customers(String where, String order, List<Object> parameters) {
        return jdbc.query(
                """
                SELECT customer_id, arg_max(account_id, occurred_at) AS account_id,
                       arg_max(region, occurred_at) AS region, arg_max(segment, occurred_at) AS segment,
                       count(*) AS signals, max(occurred_at)::DATE AS last_signal
                FROM signal WHERE %s GROUP BY customer_id %s""".formatted(where, order),
                (row, n) -> new Customer(
                        row.getString("customer_id"),
                        row.getString("account_id"),
                        row.getString("region"),
                        row.getString("segment"),
                        row.getLong("signals"),
                        row.getObject("last_signal", LocalDate.class)),
                parameters.toArray());
    }
}
