package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval of time {@code [start, end)}; empty when {@code end} is not after {@code start}. */
record Span(Instant start, Instant end) {

    boolean isEmpty() {
        return !end.isAfter(start);
    }

    Duration length() {
        return isEmpty() ? Duration.ZERO : Duration.between(start, end);
    }
}
