package io.earshot.access;

import io.earshot.platform.Remembered;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created by an administrator with scopes and units, shown once as {@code es_<id>_<secret>}, kept as the
 * SHA-256 of the secret, revocable, with the time of last use.
 */
@Service
public class ApiTokens {

    private static final Pattern FORM = Pattern.compile("es_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

    private final JdbcTemplate jdbc;
    private final Units units;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * When each token's use was last written: a token used on every request is noted at most once per {@link
     * #LAST_USE_GRAIN}, because a write per request would make every API call wait for a store commit.
     */
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    /** How fine the recorded time of last use is. */
    static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);

    /**
     * The working tokens by id, read on every API request: forgotten when a token is created or revoked, so a revoked
     * token is refused from the next request on.
     */
    private final Remembered<Map<UUID, Working>> working = new Remembered<>(this::readWorking);

    /** A token that is not revoked: the hash of its secret and who it stands for. */
    private record Working(String secretHash, Viewer viewer) {}

    ApiTokens(JdbcTemplate jdbc, Units units, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and the only copy of its secret text. */
    public record Created(ApiToken token, String text) {}

    /**
     * @throws IllegalArgumentException naming what is wrong: name, scopes, units
     */
    @Transactional
    public Created create(String name, Set<TokenScope> scopes, Set<String> unitIds) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A token needs a name that says who uses it");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope: ingest or read");
        }
        Set<String> known = units.all().stream().map(BusinessUnit::id).collect(Collectors.toSet());
        for (String unit : unitIds) {
            if (!known.contains(unit)) {
                throw new IllegalArgumentException("There is no business unit '" + unit + "'");
            }
        }
        if (scopes.contains(TokenScope.READ) && unitIds.isEmpty()) {
            throw new IllegalArgumentException("A read token needs the units whose data it may read");
        }
        UUID id = UUID.randomUUID();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update(
                "INSERT INTO api_token (id, name, secret_hash, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                id,
                name.strip(),
                Tokens.sha256(secret),
                scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                Audit.currentActor(),
                Timestamp.valueOf(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        for (String unit : unitIds) {
            jdbc.update("INSERT INTO token_unit (token_id, unit_id) VALUES (?, ?)", id, unit);
        }
        working.forget();
        audit.record("token.create", "token:" + name.strip(), "scopes=" + scopes + ", units=" + unitIds);
        String text = "es_" + id.toString().replace("-", "") + "_" + secret;
        return new Created(find(id).orElseThrow(), text);
    }

    @Transactional
    public void revoke(UUID id) {
        ApiToken token = find(id).orElseThrow(() -> new IllegalArgumentException("There is no token " + id));
        if (token.revoked()) {
            return;
        }
        jdbc.update(
                "UPDATE api_token SET revoked_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))),
                id);
        working.forget();
        audit.record("token.revoke", "token:" + token.name(), null);
    }

    /** Who the text of a working token stands for, noting its use; empty for unknown, malformed or revoked tokens. */
    Optional<Viewer> authenticate(String text) {
        Matcher form = FORM.matcher(text == null ? "" : text.strip());
        if (!form.matches()) {
            return Optional.empty();
        }
        String hex = form.group(1);
        UUID id = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        Working token = working.get().get(id);
        if (token == null || !Tokens.same(token.secretHash(), Tokens.sha256(form.group(2)))) {
            return Optional.empty();
        }
        noteUse(id);
        return Optional.of(token.viewer());
    }

    private Map<UUID, Working> readWorking() {
        Map<UUID, String> hashes = new HashMap<>();
        jdbc.query("SELECT id, secret_hash FROM api_token WHERE revoked_at IS NULL", (java.sql.ResultSet r) -> {
            hashes.put(r.getObject(1, UUID.class), r.getString(2));
        });
        Map<UUID, Working> tokens = new HashMap<>();
        for (ApiToken token : load("revoked_at IS NULL")) {
            if (hashes.containsKey(token.id())) {
                tokens.put(token.id(), new Working(hashes.get(token.id()), token.viewer()));
            }
        }
        return Map.copyOf(tokens);
    }

    private void noteUse(UUID id) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(id);
        if (written != null && written.plus(LAST_USE_GRAIN).isAfter(now)) {
            return;
        }
        lastUseWritten.put(id, now);
        jdbc.update(
                "UPDATE api_token SET last_used_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)),
                id);
    }

    public Optional<ApiToken> find(UUID id) {
        return load("id = ?", id).stream().findFirst();
    }

    /** Every token, working ones first, newest first. */
    public List<ApiToken> all() {
        return load("TRUE");
    }

    private List<ApiToken> load(String where, Object... parameters) {
        Map<UUID, Set<String>> unitIds = new HashMap<>();
        jdbc.query("SELECT token_id, unit_id FROM token_unit", (java.sql.ResultSet r) -> {
            unitIds.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashSet<>())
                    .add(r.getString(2));
        });
        List<ApiToken> tokens = new ArrayList<>();
        jdbc.query(
                "SELECT id, name, scopes, created_by, created_at, last_used_at, revoked_at FROM api_token WHERE "
                        + where + " ORDER BY revoked_at IS NOT NULL, created_at DESC",
                (java.sql.ResultSet r) -> {
                    UUID id = r.getObject(1, UUID.class);
                    Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
                    for (String scope : r.getString(3).split(",")) {
                        TokenScope.parse(scope).ifPresent(scopes::add);
                    }
                    tokens.add(new ApiToken(
                            id,
                            r.getString(2),
                            scopes,
                            unitIds.getOrDefault(id, Set.of()),
                            r.getString(4),
                            instant(r.getTimestamp(5)),
                            instant(r.getTimestamp(6)),
                            instant(r.getTimestamp(7))));
                },
                parameters);
        return tokens;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
