package io.earshot.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much one slice (one value of one field) contributed to a dip, split into mix and rate (shift-share with
 * mid-point weights): {@code mix = (w₁ − w₀)·((s₀ + s₁)/2 − S̄)} is the part due to the slice's share of responses
 * changing — a slice that grows hurts only when it scores below the whole's mean {@code S̄} over the two months — and
 * {@code rate = (s₁ − s₀)·(w₀ + w₁)/2} the part due to its own score changing. The shares of each month add up to 1, so
 * over all values of one field mix and rate add up exactly to the dip's change.
 *
 * <p>Drivers are ranked by their {@link #excess()}: a value holding half the responses would take half a drop that hit
 * everything alike, so what matters is how much more than its share it took (a field with one value explains nothing).
 *
 * @param value the field's value, {@code null} for signals without one
 * @param expected the value's share of the change were the change spread evenly: its mean share of responses times the
 *     whole change
 * @param before the slice's score in the period before, {@code null} when it had no response
 * @param after the slice's score in the dip's period, {@code null} when it had no response
 */
public record DipDriver(
        String field,
        String value,
        long nBefore,
        long nAfter,
        Double before,
        Double after,
        double mix,
        double rate,
        double expected) {

    /** The slice's whole contribution to the change, in points. */
    public double total() {
        return mix + rate;
    }

    /** How much more of the change than its share this value took; negative for a value that dragged the score down. */
    public double excess() {
        return total() - expected;
    }

    /**
     * One value's responses and score in the month before and in the dip's month: what shift-share reads.
     *
     * @param value the value, {@code null} for signals without one
     * @param before the score in the month before, {@code null} when {@code nBefore} is 0
     * @param after the score in the dip's month, {@code null} when {@code nAfter} is 0
     */
    public record Cell(String value, long nBefore, Double before, long nAfter, Double after) {
        public Cell {
            if (nBefore < 0 || nAfter < 0 || nBefore + nAfter == 0) {
                throw new IllegalArgumentException(
                        "A shift-share cell needs responses in at least one month: " + nBefore + ", " + nAfter);
            }
            if ((before == null) != (nBefore == 0) || (after == null) != (nAfter == 0)) {
                throw new IllegalArgumentException("A shift-share cell has a score exactly in the months it has"
                        + " responses: value " + value + ", before " + before + " (n " + nBefore + "), after " + after
                        + " (n " + nAfter + ")");
            }
        }
    }

    /**
     * The mix and rate contribution of every value of one field (the formula above); the cells must partition the
     * responses of both months, and then the totals add up exactly to the change of the whole. Any module that splits
     * responses into groups — the values of a field, the themes of the texts — explains a dip through this method.
     */
    public static List<DipDriver> shiftShare(String field, List<Cell> cells) {
        long nBefore = 0, nAfter = 0;
        for (Cell cell : cells) {
            nBefore += cell.nBefore();
            nAfter += cell.nAfter();
        }
        // the whole's mean score over the two months: a slice that grows only hurts when it scores below it
        double scoreBefore = 0, scoreAfter = 0;
        for (Cell cell : cells) {
            scoreBefore += cell.nBefore() == 0 ? 0 : cell.nBefore() * cell.before() / nBefore;
            scoreAfter += cell.nAfter() == 0 ? 0 : cell.nAfter() * cell.after() / nAfter;
        }
        double mean = (scoreBefore + scoreAfter) / 2, change = scoreAfter - scoreBefore;
        List<DipDriver> drivers = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            // a value absent in one month takes its other month's score there: its weight is 0, so all of it is mix
            double a = Objects.requireNonNullElse(cell.before(), cell.after());
            double b = Objects.requireNonNullElse(cell.after(), cell.before());
            double w0 = nBefore == 0 ? 0 : (double) cell.nBefore() / nBefore;
            double w1 = nAfter == 0 ? 0 : (double) cell.nAfter() / nAfter;
            drivers.add(new DipDriver(
                    field,
                    cell.value(),
                    cell.nBefore(),
                    cell.nAfter(),
                    cell.before(),
                    cell.after(),
                    (w1 - w0) * ((a + b) / 2 - mean),
                    (b - a) * (w0 + w1) / 2,
                    (w0 + w1) / 2 * change));
        }
        return drivers;
    }
}
