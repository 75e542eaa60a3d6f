package io.earshot.metric;

/**
 * One figure on the overview: its value, what it rests on, its change from the previous period with the p-value, and
 * the verbatims behind it.
 *
 * @param name e.g. {@code NPS}
 * @param value the figure as shown
 * @param detail what it rests on, e.g. the interval and n
 * @param change the change from the previous period, or {@code null}
 * @param changeText the signed change, e.g. {@code +3.2}
 * @param direction {@code up}, {@code down} or empty, for colour
 * @param href the verbatims behind the figure
 * @param smallSample whether it rests on fewer than 30 responses
 * @param definition what the figure means, shown under it (the POC definition), or {@code null}
 */
record Tile(
        String name,
        String value,
        String detail,
        Change change,
        String changeText,
        String direction,
        String href,
        boolean smallSample,
        String definition) {

    public String pText() {
        return Figures.p(change);
    }
}
