package io.earshot.signal;

import io.earshot.access.PiiKind;
import io.earshot.access.Redaction;
import io.earshot.access.Redactor;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Checks one row against the rules every signal meets: a date (occurred_at), text or at least one score, scores on
 * their scales as whole numbers, text of at most {@value #MAX_TEXT} characters. Returns a rejection that says what was
 * wrong, where and what would be accepted; never throws for bad input.
 */
final class RowValidator {

    static final int MAX_TEXT = 100_000;

    private final String fileName;
    private final ZoneId zone;
    private final RowSource source;
    private final ContentHash hash = new ContentHash();
    private final Redactor redactor;
    private final ObjectMapper json;
    private final Map<PiiKind, Long> redacted = new EnumMap<>(PiiKind.class);

    /** @param redactor replaces personal data in texts, attribute values and quarantined rows */
    RowValidator(String fileName, ZoneId zone, RowSource source, Redactor redactor, ObjectMapper json) {
        this.fileName = fileName;
        this.zone = zone;
        this.source = source;
        this.redactor = redactor;
        this.json = json;
    }

    /** Personal data replaced so far, by kind name. */
    Map<String, Long> redacted() {
        Map<String, Long> byName = new LinkedHashMap<>();
        redacted.forEach((kind, count) -> byName.put(kind.name(), count));
        return byName;
    }

    RowResult validate(SourceRow row) {
        RowResult result = check(row);
        return switch (result) {
            case RowResult.Accepted accepted -> redact(accepted);
            case RowResult.Rejected rejected ->
                new RowResult.Rejected(
                        rejected.line(),
                        rejected.field(),
                        rejected.reason(),
                        redact(rejected.message(), List.of()),
                        redact(rejected.raw(), List.of()));
        };
    }

    /**
     * Replaces personal data in the text and in the attribute values of an accepted row. The content hash that stands
     * in for a missing id was taken from the raw row before, so a re-import of the same file still finds it.
     */
    private RowResult.Accepted redact(RowResult.Accepted row) {
        String[] values = row.values();
        String name = values[ImportField.CUSTOMER_NAME.ordinal()];
        List<String> names = name == null || name.isBlank() ? List.of() : List.of(name.strip());
        String text = values[ImportField.TEXT.ordinal()];
        if (text != null) {
            values[ImportField.TEXT.ordinal()] = redact(text, names);
        }
        values[ImportField.CUSTOMER_NAME.ordinal()] = null;
        String attributes = row.attributes();
        if (attributes != null && !(names.isEmpty() && Redactor.cannotHoldPii(attributes))) {
            ObjectNode object = (ObjectNode) json.readTree(attributes);
            for (var property : object.properties()) {
                if (property.getValue().isString()) {
                    property.setValue(
                            StringNode.valueOf(redact(property.getValue().asString(), names)));
                }
            }
            attributes = json.writeValueAsString(object);
        }
        return new RowResult.Accepted(
                row.line(),
                values,
                row.occurredAtMicros(),
                row.nps(),
                row.csat(),
                row.ces(),
                row.externalId(),
                attributes);
    }

    private String redact(String text, List<String> names) {
        Redaction redaction = redactor.redact(text, names);
        redaction.counts().forEach((kind, count) -> redacted.merge(kind, (long) count, Long::sum));
        return redaction.text();
    }

    private RowResult check(SourceRow row) {
        if (row.rejection() != null) {
            return row.rejection();
        }
        String[] values = row.values();
        String date = values[ImportField.OCCURRED_AT.ordinal()];
        if (date == null) {
            return reject(
                    row,
                    ImportField.OCCURRED_AT,
                    "missing date",
                    "empty; every row needs the date it happened, e.g. " + Dates.ACCEPTED);
        }
        long occurredAt = Dates.micros(date, zone);
        if (occurredAt == Dates.INVALID) {
            return reject(
                    row,
                    ImportField.OCCURRED_AT,
                    "invalid date",
                    "'" + shorten(date) + "' is not a date; use " + Dates.ACCEPTED);
        }
        int nps = score(values[ImportField.NPS.ordinal()], Scores.NPS_MIN, Scores.NPS_MAX);
        if (nps == OUT_OF_RANGE) {
            return scoreRejected(row, ImportField.NPS, "NPS", Scores.NPS_MIN, Scores.NPS_MAX);
        }
        int csat = score(values[ImportField.CSAT.ordinal()], Scores.CSAT_MIN, Scores.CSAT_MAX);
        if (csat == OUT_OF_RANGE) {
            return scoreRejected(row, ImportField.CSAT, "CSAT", Scores.CSAT_MIN, Scores.CSAT_MAX);
        }
        int ces = score(values[ImportField.CES.ordinal()], Scores.CES_MIN, Scores.CES_MAX);
        if (ces == OUT_OF_RANGE) {
            return scoreRejected(row, ImportField.CES, "CES", Scores.CES_MIN, Scores.CES_MAX);
        }
        String text = values[ImportField.TEXT.ordinal()];
        if (text != null && text.length() > MAX_TEXT) {
            return reject(
                    row,
                    ImportField.TEXT,
                    "text too long",
                    "the text has %,d characters; at most %,d are accepted".formatted(text.length(), MAX_TEXT));
        }
        if (text == null && nps == ABSENT && csat == ABSENT && ces == ABSENT) {
            return reject(
                    row,
                    null,
                    "no text or score",
                    "the row has neither text nor a score; every row needs a text (comment) or at least one of NPS, CSAT, CES");
        }
        String externalId = values[ImportField.EXTERNAL_ID.ordinal()];
        if (externalId == null) {
            externalId = hash.firstOccurrence(row.raw().text());
        } else {
            externalId = externalId.strip();
        }
        return new RowResult.Accepted(
                row.line(), values, occurredAt, boxed(nps), boxed(csat), boxed(ces), externalId, row.attributes());
    }

    private static Integer boxed(int score) {
        return score == ABSENT ? null : score;
    }

    private static final int ABSENT = -1;
    private static final int OUT_OF_RANGE = -2;

    /** The score, {@link #ABSENT} when empty, {@link #OUT_OF_RANGE} when not a whole number on its scale. */
    private static int score(String value, int min, int max) {
        if (value == null) {
            return ABSENT;
        }
        String s = value.strip();
        int n = s.length(), end = n;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < n; i++) {
                if (s.charAt(i) != '0') {
                    return OUT_OF_RANGE;
                }
            }
            end = dot;
        }
        if (end == 0 || end > 2) {
            return OUT_OF_RANGE;
        }
        int number = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OUT_OF_RANGE;
            }
            number = number * 10 + (c - '0');
        }
        return number < min || number > max ? OUT_OF_RANGE : number;
    }

    private RowResult scoreRejected(SourceRow row, ImportField field, String name, int min, int max) {
        return reject(
                row,
                field,
                field.key() + " out of range",
                "'%s' is not a valid %s; use a whole number from %d to %d, or leave it empty"
                        .formatted(shorten(row.values()[field.ordinal()]), name, min, max));
    }

    private RowResult reject(SourceRow row, ImportField field, String reason, String detail) {
        String header = field == null ? null : source.headerOf(field);
        String where = header == null
                ? "%s line %d: ".formatted(fileName, row.line())
                : "%s line %d, field %s: ".formatted(fileName, row.line(), header);
        return new RowResult.Rejected(
                row.line(), header, reason, where + detail, row.raw().text());
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
