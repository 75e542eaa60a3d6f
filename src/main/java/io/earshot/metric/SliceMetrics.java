package io.earshot.metric;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The metrics of one slice (and period) of signals, with the change since the previous period of the same slice.
 *
 * @param slice the slice's field value, {@link MetricQuery#ALL} when not sliced, or {@code null} for signals without
 *     a value
 * @param period the first day of the period, or {@code null} when not trended
 * @param volume all signals in the slice
 * @param npsChange change of NPS since the previous period, or {@code null} when there is no comparable period
 * @param csatChange change of CSAT since the previous period, or {@code null} when there is no comparable period
 * @param cesChange change of the CES mean since the previous period, or {@code null}
 * @param pocChange change of the POC rate since the previous period, or {@code null}
 */
public record SliceMetrics(
        String slice,
        LocalDate period,
        long volume,
        Nps nps,
        Csat csat,
        Ces ces,
        Poc poc,
        Change npsChange,
        Change csatChange,
        Change cesChange,
        Change pocChange) {

    public SliceMetrics {
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(ces, "ces");
        Objects.requireNonNull(poc, "poc");
        if (volume < 1 || nps.n() > volume || csat.n() > volume || ces.n() > volume || poc.volume() != volume) {
            throw new IllegalArgumentException("A slice needs at least one signal and at most as many responses as"
                    + " signals: volume " + volume + ", NPS " + nps.n() + ", CSAT " + csat.n() + ", CES " + ces.n());
        }
    }

    /** True when the slice has fewer than {@value Nps#SMALL_SAMPLE} NPS responses. */
    public boolean smallSample() {
        return nps.smallSample();
    }

    /** This row compared with the previous period's row of the same slice. */
    SliceMetrics comparedWith(SliceMetrics previous) {
        return new SliceMetrics(
                slice,
                period,
                volume,
                nps,
                csat,
                ces,
                poc,
                Significance.npsChange(previous.nps, nps),
                Significance.csatChange(previous.csat, csat),
                Significance.cesChange(previous.ces, ces),
                Significance.pocChange(previous.poc, poc));
    }
}
