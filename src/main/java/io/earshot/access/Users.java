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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and units, their passwords (bcrypt) and their one-time sign-in links (set-up, invitation, reset).
 * Deactivated users keep their history: they are never deleted.
 */
@Service
public class Users {

    /** The password of every demo user; demo users exist only in demo mode. */
    public static final String DEMO_PASSWORD = "demo";

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Duration LINK_LIFETIME = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Units units;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Whether demo mode is on: every page and API answer asks; forgotten when a user is added or (de)activated. */
    private final Remembered<Boolean> demoModeOn = new Remembered<>(this::readDemoMode);

    Users(JdbcTemplate jdbc, PasswordEncoder passwords, Units units, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a user.
     *
     * @param password the password, or {@code null} to create the user without one (see {@link #invite})
     * @throws IllegalArgumentException naming what is wrong: e-mail, name, password, roles, units
     */
    @Transactional
    public User create(String email, String name, String password, Set<Role> roles, Set<String> unitIds, boolean demo) {
        String address = normalEmail(email);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The user " + address + " needs a name");
        }
        if (find(address).isPresent()) {
            throw new IllegalArgumentException("There is already a user with the e-mail " + address);
        }
        if (password != null && !demo) {
            checkPassword(password);
        }
        checkRolesAndUnits(roles, unitIds);
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO app_user (id, email, name, password_hash, active, demo, created_at)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?, ?)",
                id,
                address,
                name.strip(),
                password == null ? null : passwords.encode(password),
                demo,
                now());
        demoModeOn.forget();
        writeRolesAndUnits(id, roles, unitIds);
        audit.record("user.create", address, "roles=" + roles + ", units=" + new java.util.TreeSet<>(unitIds));
        return find(id).orElseThrow();
    }

    /** Adds a user without a password and returns the one-time link token with which they set one. */
    @Transactional
    public String invite(String email, String name, Set<Role> roles, Set<String> unitIds) {
        User user = create(email, name, null, roles, unitIds, false);
        audit.record("user.invite", user.email(), null);
        return newLink("INVITE", user.id());
    }

    /** Clears the user's password and returns the one-time link token with which they set a new one. */
    @Transactional
    public String resetSignIn(UUID id) {
        User user = find(id).orElseThrow(() -> new IllegalArgumentException("There is no user " + id));
        jdbc.update("UPDATE app_user SET password_hash = NULL WHERE id = ?", id);
        jdbc.update("DELETE FROM sign_in_link WHERE user_id = ?", id);
        audit.record("user.reset-sign-in", user.email(), null);
        return newLink("RESET", id);
    }

    @Transactional
    public void setRolesAndUnits(UUID id, Set<Role> roles, Set<String> unitIds) {
        User user = find(id).orElseThrow(() -> new IllegalArgumentException("There is no user " + id));
        checkRolesAndUnits(roles, unitIds);
        if (user.active()
                && user.roles().contains(Role.ADMINISTRATOR)
                && !roles.contains(Role.ADMINISTRATOR)
                && activeAdministrators() <= 1) {
            throw new IllegalArgumentException(
                    user.email() + " is the last active administrator; make another one first");
        }
        jdbc.update("DELETE FROM user_role WHERE user_id = ?", id);
        jdbc.update("DELETE FROM user_unit WHERE user_id = ?", id);
        writeRolesAndUnits(id, roles, unitIds);
        audit.record("user.change", user.email(), "roles=" + roles + ", units=" + new java.util.TreeSet<>(unitIds));
    }

    /** Deactivates or reactivates a user; a deactivated user cannot sign in, and their open sessions end. */
    @Transactional
    public void setActive(UUID id, boolean active) {
        User user = find(id).orElseThrow(() -> new IllegalArgumentException("There is no user " + id));
        if (!active && user.roles().contains(Role.ADMINISTRATOR) && activeAdministrators() <= 1) {
            throw new IllegalArgumentException(
                    user.email() + " is the last active administrator; make another one first");
        }
        jdbc.update("UPDATE app_user SET active = ? WHERE id = ?", active, id);
        demoModeOn.forget();
        audit.record(active ? "user.activate" : "user.deactivate", user.email(), null);
    }

    /**
     * Sets a password through a one-time link and returns the user; the link is used up.
     *
     * @throws IllegalArgumentException when the link is unknown, used or expired, or the password too short
     */
    @Transactional
    public User setPasswordWithLink(String token, String password) {
        checkPassword(password);
        String hash = Tokens.sha256(token);
        Map<String, Object> link = jdbc
                .queryForList("SELECT purpose, user_id, expires_at FROM sign_in_link WHERE token_hash = ?", hash)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This link is not valid: it was used already or"
                        + " never existed. Ask an administrator for a new one."));
        if (((Timestamp) link.get("expires_at"))
                .toLocalDateTime()
                .isBefore(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new IllegalArgumentException("This link has expired. Ask an administrator for a new one.");
        }
        if (link.get("user_id") == null) {
            throw new IllegalArgumentException("This link creates the first administrator; use the set-up page");
        }
        UUID id = (UUID) link.get("user_id");
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", passwords.encode(password), id);
        jdbc.update("DELETE FROM sign_in_link WHERE token_hash = ?", hash);
        User user = find(id).orElseThrow();
        audit.record(
                user.email(),
                "user.set-password",
                user.email(),
                link.get("purpose").toString(),
                Audit.currentOrigin());
        return user;
    }

    /** A one-time set-up link for the first administrator: only while there is no user at all. */
    @Transactional
    public Optional<String> setupLink() {
        if (count() > 0) {
            return Optional.empty();
        }
        jdbc.update("DELETE FROM sign_in_link WHERE purpose = 'SETUP'");
        return Optional.of(newLink("SETUP", null));
    }

    /** Creates the first administrator with the set-up link; refused once any user exists. */
    @Transactional
    public User createFirstAdministrator(String token, String email, String name, String password) {
        if (count() > 0) {
            throw new IllegalArgumentException("Earshot is set up already: sign in, or ask an administrator");
        }
        String hash = Tokens.sha256(token == null ? "" : token);
        Integer links = jdbc.queryForObject(
                "SELECT count(*) FROM sign_in_link WHERE token_hash = ? AND purpose = 'SETUP' AND expires_at > ?",
                Integer.class,
                hash,
                now());
        if (links == null || links == 0) {
            throw new IllegalArgumentException("The set-up token is wrong or has expired; the server log shows the"
                    + " current one (restart to print a new one)");
        }
        User user = create(email, name, password, EnumSet.of(Role.ADMINISTRATOR), rootUnits(), false);
        jdbc.update("DELETE FROM sign_in_link WHERE token_hash = ?", hash);
        return user;
    }

    private Set<String> rootUnits() {
        return units.all().stream()
                .filter(BusinessUnit::isCompany)
                .map(BusinessUnit::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Whether the given password is the user's; {@code false} for inactive users and users without password. */
    boolean passwordMatches(User user, String password) {
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, user.id());
        return user.active() && hash != null && password != null && passwords.matches(password, hash);
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
    }

    /** Whether demo mode is on: the store holds the demo users. */
    public boolean demoMode() {
        return demoModeOn.get();
    }

    private boolean readDemoMode() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM app_user WHERE demo AND active)", Boolean.class));
    }

    public Optional<User> find(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return load("lower(email) = ?", email.strip().toLowerCase(Locale.ROOT)).stream()
                .findFirst();
    }

    public Optional<User> find(UUID id) {
        return load("id = ?", id).stream().findFirst();
    }

    /** Every user, active first, then by e-mail. */
    public List<User> all() {
        return load("TRUE");
    }

    private long activeAdministrators() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id"
                        + " WHERE u.active AND r.role = 'ADMINISTRATOR'",
                Long.class);
    }

    private List<User> load(String where, Object... parameters) {
        record Row(UUID id, String email, String name, boolean hasPassword, boolean active, boolean demo, Instant at) {}
        List<Row> rows = jdbc.query(
                "SELECT id, email, name, password_hash IS NOT NULL, active, demo, created_at FROM app_user WHERE "
                        + where + " ORDER BY active DESC, email",
                (r, i) -> new Row(
                        r.getObject(1, UUID.class),
                        r.getString(2),
                        r.getString(3),
                        r.getBoolean(4),
                        r.getBoolean(5),
                        r.getBoolean(6),
                        r.getTimestamp(7).toLocalDateTime().toInstant(ZoneOffset.UTC)),
                parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        // only the loaded users' rows: a signed-in user is read again on every request (ViewerRefreshFilter)
        String ofLoaded = " WHERE user_id IN (SELECT id FROM app_user WHERE " + where + ")";
        jdbc.query(
                "SELECT user_id, role FROM user_role" + ofLoaded,
                (java.sql.ResultSet r) -> {
                    UUID user = r.getObject(1, UUID.class);
                    Role.parse(r.getString(2))
                            .ifPresent(role -> roles.computeIfAbsent(user, k -> EnumSet.noneOf(Role.class))
                                    .add(role));
                },
                parameters);
        Map<UUID, Set<String>> unitIds = new HashMap<>();
        jdbc.query(
                "SELECT user_id, unit_id FROM user_unit" + ofLoaded,
                (java.sql.ResultSet r) -> {
                    unitIds.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(r.getString(2));
                },
                parameters);
        List<User> users = new ArrayList<>();
        for (Row row : rows) {
            users.add(new User(
                    row.id(),
                    row.email(),
                    row.name(),
                    row.hasPassword(),
                    row.active(),
                    row.demo(),
                    roles.getOrDefault(row.id(), Set.of()),
                    unitIds.getOrDefault(row.id(), Set.of()),
                    row.at()));
        }
        return users;
    }

    private void writeRolesAndUnits(UUID id, Set<Role> roles, Set<String> unitIds) {
        for (Role role : roles) {
            jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role.name());
        }
        for (String unit : unitIds) {
            jdbc.update("INSERT INTO user_unit (user_id, unit_id) VALUES (?, ?)", id, unit);
        }
    }

    private void checkRolesAndUnits(Set<Role> roles, Set<String> unitIds) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        Set<String> known =
                new HashSet<>(units.all().stream().map(BusinessUnit::id).toList());
        for (String unit : unitIds) {
            if (!known.contains(unit)) {
                throw new IllegalArgumentException("There is no business unit '" + unit + "'");
            }
        }
    }

    private static String normalEmail(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        return address;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD + " characters");
        }
    }

    private String newLink(String purpose, UUID userId) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO sign_in_link (token_hash, purpose, user_id, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.sha256(token),
                purpose,
                userId,
                Timestamp.valueOf(
                        LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(LINK_LIFETIME)));
        return token;
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }
}
