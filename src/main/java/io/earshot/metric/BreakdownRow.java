package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import io.earshot.signal.VerbatimLinks;
import io.earshot.signal.VerbatimScore;

/**
 * One line of the breakdown table: a slice's metrics in the shown period, with the verbatims behind each cell.
 *
 * @param label the slice value as shown, {@code (none)} for signals without one
 * @param metrics the slice's metrics and changes
 * @param allHref every signal of the slice in the period
 * @param npsHref its NPS responses
 * @param csatHref its CSAT responses
 * @param cesHref its CES responses
 * @param pocHref its POC signals
 */
record BreakdownRow(
        String label,
        SliceMetrics metrics,
        String allHref,
        String npsHref,
        String csatHref,
        String cesHref,
        String pocHref) {

    static BreakdownRow of(SliceMetrics row, MetricQuery query) {
        SignalFilter behind = query.filterOf(row);
        return new BreakdownRow(
                row.slice() == null || row.slice().isEmpty() ? "(none)" : row.slice(),
                row,
                VerbatimLinks.href(behind, null),
                VerbatimLinks.href(behind, VerbatimScore.NPS),
                VerbatimLinks.href(behind, VerbatimScore.CSAT),
                VerbatimLinks.href(behind, VerbatimScore.CES),
                VerbatimLinks.href(behind.withBand(SignalFilter.Band.POC), null));
    }

    public String nps() {
        return Figures.oneDecimal(metrics.nps().value());
    }

    public String ci() {
        return metrics.nps().n() == 0
                ? "–"
                : Figures.oneDecimal(metrics.nps().ciLow()) + " to "
                        + Figures.oneDecimal(metrics.nps().ciHigh());
    }

    public String csat() {
        return Figures.percent(metrics.csat().percent());
    }

    public String ces() {
        return Figures.twoDecimals(metrics.ces().mean());
    }

    public String pocRate() {
        return Figures.percent(metrics.poc().rate());
    }

    public String npsChange() {
        return Figures.signed(metrics.npsChange(), 1);
    }

    public String npsChangeP() {
        return Figures.p(metrics.npsChange());
    }

    public String npsDirection() {
        return Figures.direction(metrics.npsChange(), true);
    }

    public String csatChange() {
        return Figures.signed(metrics.csatChange(), 1);
    }

    public String csatChangeP() {
        return Figures.p(metrics.csatChange());
    }

    public String csatDirection() {
        return Figures.direction(metrics.csatChange(), true);
    }
}
