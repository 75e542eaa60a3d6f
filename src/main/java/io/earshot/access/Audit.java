package io.earshot.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log. This class only inserts and reads {@code audit_event}; nothing in the application updates
 * or deletes it ({@code AuditTests} checks the sources). Each entry's hash covers the previous entry's hash and its
 * own content, so {@link #verify()} finds an entry changed or removed outside the application.
 */
@Service
public class Audit {

    private static final String GENESIS = "0".repeat(64);
    private static final int EXPORT_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Audit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of whoever is behind the current request or command. */
    public void record(String action, String target, String detail) {
        record(currentActor(), action, target, detail, currentOrigin());
    }

    /** Records an action of {@code actor}, e.g. a failed sign-in of an unknown e-mail. */
    public synchronized void record(String actor, String action, String target, String detail, String origin) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long last = jdbc.queryForObject("SELECT max(seq) FROM audit_event", Long.class);
        long seq = last == null ? 1 : last + 1;
        String previous = last == null
                ? GENESIS
                : jdbc.queryForObject("SELECT hash FROM audit_event WHERE seq = ?", String.class, last);
        String hash = hash(previous, seq, at, actor, action, target, detail, origin);
        jdbc.update(
                "INSERT INTO audit_event (seq, occurred_at, actor, action, target, detail, origin, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                seq,
                Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime()),
                actor,
                action,
                target,
                detail,
                origin,
                hash);
    }

    /**
     * Entries, newest first.
     *
     * @param action only entries whose action starts with this, or {@code null}
     * @param actor only this actor's entries, or {@code null}
     */
    public List<AuditEntry> entries(String action, String actor, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(action, actor, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.query(
                "SELECT seq, occurred_at, actor, action, target, detail, origin, hash FROM audit_event WHERE " + where
                        + " ORDER BY seq DESC LIMIT ? OFFSET ?",
                Audit::entry,
                parameters.toArray());
    }

    private static AuditEntry entry(ResultSet r, int row) throws SQLException {
        return new AuditEntry(
                r.getLong(1),
                r.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8));
    }

    /**
     * Hands every entry that {@link #entries} would list to {@code each}, newest first, a chunk at a time; entries
     * recorded meanwhile are left out, so an export is a consistent snapshot however long it takes.
     */
    public void forEach(String action, String actor, Consumer<AuditEntry> each) {
        Long last = jdbc.queryForObject("SELECT max(seq) FROM audit_event", Long.class);
        long before = last == null ? 0 : last + 1;
        while (before > 1) {
            List<Object> parameters = new ArrayList<>();
            String where = where(action, actor, parameters);
            parameters.add(before);
            List<AuditEntry> chunk = jdbc.query(
                    "SELECT seq, occurred_at, actor, action, target, detail, origin, hash FROM audit_event WHERE "
                            + where + " AND seq < ? ORDER BY seq DESC LIMIT " + EXPORT_CHUNK,
                    Audit::entry,
                    parameters.toArray());
            chunk.forEach(each);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
            before = chunk.getLast().seq();
        }
    }

    public long count(String action, String actor) {
        List<Object> parameters = new ArrayList<>();
        String where = where(action, actor, parameters);
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE " + where, Long.class, parameters.toArray());
    }

    private static String where(String action, String actor, List<Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (action != null && !action.isBlank()) {
            conditions.add("starts_with(action, ?)");
            parameters.add(action.strip());
        }
        if (actor != null && !actor.isBlank()) {
            conditions.add("actor = ?");
            parameters.add(actor.strip());
        }
        return String.join(" AND ", conditions);
    }

    /** The first entry whose hash does not follow from the one before and its content, if any; reads the log once. */
    public Optional<Long> verify() {
        String[] previous = {GENESIS};
        long[] expected = {1};
        Long[] broken = {null};
        jdbc.query(
                "SELECT seq, occurred_at, actor, action, target, detail, origin, hash FROM audit_event ORDER BY seq",
                (ResultSet r) -> {
                    if (broken[0] != null) {
                        return;
                    }
                    AuditEntry entry = entry(r, 0);
                    String hash = hash(
                            previous[0],
                            entry.seq(),
                            entry.at(),
                            entry.actor(),
                            entry.action(),
                            entry.target(),
                            entry.detail(),
                            entry.origin());
                    if (entry.seq() != expected[0] || !entry.hash().equals(hash)) {
                        broken[0] = entry.seq();
                    }
                    previous[0] = entry.hash();
                    expected[0]++;
                });
        return Optional.ofNullable(broken[0]);
    }

    /** The signed-in user's or token's name; {@code anonymous}; or, outside any request, the operating-system user. */
    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system:" + System.getProperty("user.name", "unknown");
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        if (authentication.getPrincipal() instanceof Viewer.Holder holder) {
            return holder.viewer().name();
        }
        return authentication.getName();
    }

    /** The remote address of the current request, or {@code local} outside any request. */
    public static String currentOrigin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return "local";
    }

    private static String hash(
            String previous,
            long seq,
            Instant at,
            String actor,
            String action,
            String target,
            String detail,
            String origin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {previous, seq, at, actor, action, target, detail, origin}) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
