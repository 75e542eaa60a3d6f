package io.earshot.access;

/**
 * A stretch of text a finder recognised. When {@code personal} is false the stretch only looks like personal data (an
 * IBAN whose check digits fail, a Luhn-invalid card-shaped number): it is kept as it is, and it still stops later
 * finders from reading a phone number out of its digits.
 */
record Finding(PiiKind kind, int start, int end, boolean personal) {

    static Finding personal(PiiKind kind, int start, int end) {
        return new Finding(kind, start, end, true);
    }

    static Finding lookalike(PiiKind kind, int start, int end) {
        return new Finding(kind, start, end, false);
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
