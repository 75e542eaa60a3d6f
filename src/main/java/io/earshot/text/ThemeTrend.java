package io.earshot.text;

import java.util.List;

/**
 * The signals of one theme per month, and whether it is emerging: its share of the signals in the latest complete
 * month is significantly higher than in the months before (one-sided two-proportion z-test, p adjusted over all themes
 * by Benjamini–Hochberg).
 *
 * @param months the months shown, oldest first, as {@code YYYY-MM}; the last one is the current, incomplete month
 * @param counts the theme's signals in each month
 * @param totals the signals with an embedded text in each month (what the theme's share is a share of)
 * @param latest the theme's signals in the latest complete month
 * @param latestTotal signals with an embedded text in that month
 * @param baseline the theme's signals in the months before it that the test compares with
 * @param baselineTotal signals with an embedded text in those months
 * @param pValue the one-sided p-value of the share having grown
 * @param qValue the p-value adjusted by Benjamini–Hochberg over the themes tested together
 * @param emerging whether {@code qValue} is below {@link ThemeTrends#FDR} with at least
 *     {@link ThemeTrends#MIN_LATEST} signals in the latest month
 */
public record ThemeTrend(
        int themeId,
        List<String> months,
        List<Long> counts,
        List<Long> totals,
        long latest,
        long latestTotal,
        long baseline,
        long baselineTotal,
        double pValue,
        double qValue,
        boolean emerging) {

    public ThemeTrend {
        months = List.copyOf(months);
        counts = List.copyOf(counts);
        totals = List.copyOf(totals);
    }

    /** The theme's share of the latest complete month's signals, in percent. */
    public double latestShare() {
        return latestTotal == 0 ? 0 : 100.0 * latest / latestTotal;
    }

    /** Its share of the baseline months' signals, in percent. */
    public double baselineShare() {
        return baselineTotal == 0 ? 0 : 100.0 * baseline / baselineTotal;
    }

    /** The points of a sparkline of the counts in a 100 × 24 box, for an SVG polyline. */
    public String sparkline() {
        long max = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < counts.size(); i++) {
            double x = counts.size() == 1 ? 50 : 100.0 * i / (counts.size() - 1);
            double y = 23 - 22.0 * counts.get(i) / max;
            points.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }
}
