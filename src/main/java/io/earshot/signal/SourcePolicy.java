package io.earshot.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The privacy policy of one source: how long its signals are kept and which kinds of personal data are redacted from
 * their text on the way in.
 *
 * @param source the source, e.g. {@code survey}
 * @param retentionDays days a signal is kept after it occurred, 1 to {@value #MAX_RETENTION_DAYS}; {@code null} keeps
 *     it forever
 * @param redact the kinds redacted, by the names of {@code io.earshot.access.PiiKind}, in the order of {@link
 *     #PII_KINDS}
 */
public record SourcePolicy(String source, Integer retentionDays, List<String> redact) {

    /** The kinds of personal data the redactor knows, in the order they are shown and stored. */
    public static final List<String> PII_KINDS = List.of("EMAIL", "PHONE", "CARD", "IBAN", "NAME");

    /** The longest retention accepted: a hundred years. */
    public static final int MAX_RETENTION_DAYS = 36_500;

    public SourcePolicy {
        if (source == null || !source.matches(SOURCE_NAME)) {
            throw new IllegalArgumentException(
                    "The source must be a lower-case name such as survey, review, ticket or chat, not '" + source
                            + "'");
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
            throw new IllegalArgumentException(
                    "The retention of " + source + " must be a whole number of days from 1 to " + MAX_RETENTION_DAYS
                            + ", or empty to keep its signals, not " + retentionDays);
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : redact == null ? List.<String>of() : redact) {
            if (!PII_KINDS.contains(kind)) {
                throw new IllegalArgumentException("Unknown kind of personal data '" + kind + "' for " + source
                        + "; use " + String.join(", ", PII_KINDS));
            }
            kinds.add(kind);
        }
        redact = PII_KINDS.stream().filter(kinds::contains).toList();
    }

    /** Lower-case letters, digits, '-' and '_', starting with a letter, as import sources are named. */
    static final String SOURCE_NAME = "[a-z][a-z0-9_\\-]{0,39}";

    /** The policy of a source that has none stored: keep its signals, redact every kind. */
    public static SourcePolicy defaults(String source) {
        return new SourcePolicy(source, null, PII_KINDS);
    }

    /**
     * A policy as typed into a form or stored: the retention as text (empty keeps forever) and the kinds as a
     * comma-separated list of names (upper or lower case, spaces ignored).
     *
     * @throws IllegalArgumentException naming the source and what is wrong
     */
    public static SourcePolicy parse(String source, String retentionDays, String redact) {
        Integer days = null;
        String text = retentionDays == null ? "" : retentionDays.strip();
        if (!text.isEmpty()) {
            if (!text.matches("[0-9]{1,6}")) {
                throw new IllegalArgumentException("The retention of " + source + " must be a whole number of days"
                        + " from 1 to " + MAX_RETENTION_DAYS + ", or empty to keep its signals, not '" + text + "'");
            }
            days = Integer.parseInt(text);
        }
        return new SourcePolicy(source, days, kinds(redact));
    }

    /** The kind names of a comma-separated list, upper-cased; an empty list names none. */
    static List<String> kinds(String redact) {
        List<String> kinds = new ArrayList<>();
        for (String part : (redact == null ? "" : redact).split(",")) {
            if (!part.isBlank()) {
                kinds.add(part.strip().toUpperCase(Locale.ROOT));
            }
        }
        return kinds;
    }

    /** How long signals are kept, if not forever. */
    public Optional<Duration> retention() {
        return retentionDays == null ? Optional.empty() : Optional.of(Duration.ofDays(retentionDays));
    }

    /** Whether a kind, named as in {@link #PII_KINDS}, is redacted. */
    public boolean redacts(String kind) {
        return redact.contains(kind);
    }

    /** The kinds as stored: comma-separated names, empty for none. */
    public String redactList() {
        return String.join(",", redact);
    }

    /** Whether this is what a source without a stored policy gets. */
    public boolean isDefault() {
        return retentionDays == null && redact.equals(PII_KINDS);
    }
}
