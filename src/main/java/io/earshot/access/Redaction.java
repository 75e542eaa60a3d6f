package io.earshot.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link Redactor#redact}: the text with every span found replaced by its kind's placeholder, and where
 * those spans were. Spans are kept as offsets into the original text, never as the personal data itself, so a
 * redaction can be logged or counted without leaking what it removed.
 *
 * @param text the redacted text; outside the spans it is the original text unchanged
 * @param spans the spans replaced, in text order, not overlapping
 */
public record Redaction(String text, List<Span> spans) {

    public Redaction {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
    }

    /** How many spans of each kind were replaced; kinds with none are absent. */
    public Map<PiiKind, Integer> counts() {
        Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);
        for (Span span : spans) {
            counts.merge(span.kind(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** How many spans of {@code kind} were replaced. */
    public int count(PiiKind kind) {
        return (int) spans.stream().filter(span -> span.kind() == kind).count();
    }

    /**
     * One replaced span.
     *
     * @param kind what it was
     * @param start offset of its first char in the original text
     * @param end offset after its last char in the original text
     */
    public record Span(PiiKind kind, int start, int end) {

        public Span {
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("A span needs 0 <= start < end, got " + start + ".." + end);
            }
        }
    }
}
