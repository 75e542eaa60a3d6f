package io.earshot.metric;

import java.util.Locale;

/** How the pages write numbers: one decimal for NPS and shares, two for CES, signed changes, readable p-values. */
final class Figures {

    private Figures() {}

    /** {@code value} rounded half-up to one decimal, or {@code null}. */
    static Double round(Double value) {
        return value == null
                ? null
                : java.math.BigDecimal.valueOf(value)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
    }

    static String oneDecimal(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String twoDecimals(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double value) {
        return value == null ? "–" : oneDecimal(value) + "%";
    }

    /** A change with its sign, e.g. {@code +3.2} or {@code −1.0}, in the metric's unit. */
    static String signed(Change change, int decimals) {
        if (change == null) {
            return "–";
        }
        String number = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(change.delta()));
        boolean zero = Double.parseDouble(number) == 0;
        return (zero ? "±" : change.delta() > 0 ? "+" : "−") + number;
    }

    /** The p-value as people read it: {@code p = 0.032}, or {@code p < 0.001}. */
    static String p(Change change) {
        if (change == null) {
            return "";
        }
        return change.pValue() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", change.pValue());
    }

    /** {@code up}, {@code down} or empty, for colouring a change (a higher score is better for every metric but POC). */
    static String direction(Change change, boolean higherIsBetter) {
        if (change == null || change.delta() == 0) {
            return "";
        }
        return change.delta() > 0 == higherIsBetter ? "up" : "down";
    }
}
