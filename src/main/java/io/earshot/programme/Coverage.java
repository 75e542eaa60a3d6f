package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The time covered by any of a set of spans: their union as sorted, disjoint, non-touching spans, so that overlapping,
 * nested, adjacent and duplicate spans are counted once.
 */
record Coverage(List<Span> spans) {

    static final Coverage NONE = new Coverage(List.of());

    Coverage {
        spans = List.copyOf(spans);
    }

    /** The union of {@code spans}; empty spans cover nothing. */
    static Coverage of(Collection<Span> spans) {
        List<Span> sorted = spans.stream()
                .filter(span -> !span.isEmpty())
                .sorted(Comparator.comparing(Span::start))
                .toList();
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !span.start().isAfter(last.end())) {
                if (span.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new Span(last.start(), span.end()));
                }
            } else {
                merged.add(span);
            }
        }
        return new Coverage(merged);
    }

    /** The time covered both by this and by {@code [from, to)}. */
    Coverage clip(Instant from, Instant to) {
        return new Coverage(spans.stream()
                .map(span -> new Span(latest(span.start(), from), earliest(span.end(), to)))
                .filter(span -> !span.isEmpty())
                .toList());
    }

    /** The time covered by this or by {@code other}. */
    Coverage plus(Coverage other) {
        return of(Stream.concat(spans.stream(), other.spans.stream()).toList());
    }

    /** The total time covered. */
    Duration length() {
        return spans.stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The instant from which the latest {@code amount} of covered time begins: the coverage from it onwards is exactly
     * {@code amount}, and from any later instant less; empty when less than {@code amount} is covered.
     */
    Optional<Instant> startOfLatest(Duration amount) {
        Duration counted = Duration.ZERO;
        for (Span span : spans.reversed()) {
            Duration needed = amount.minus(counted);
            if (span.length().compareTo(needed) >= 0) {
                return Optional.of(span.end().minus(needed));
            }
            counted = counted.plus(span.length());
        }
        return Optional.empty();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
