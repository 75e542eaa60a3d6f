package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.List;

/**
 * Explains a dip by groups of signals that are not fields of the signal store, such as the themes of their texts.
 * {@link Dips} collects every bean that implements it (there may be none), so a module that knows such groups adds its
 * explanation to every dip without the metric module depending on it. Implementations split the selected responses into
 * disjoint groups and hand them to {@link DipDriver#shiftShare}, so every explanation uses the same arithmetic.
 */
public interface DipExplainer {

    /**
     * Every group's contribution to the change of {@code measure} over the signals {@code inside} selects, from the
     * month starting {@code before} to the month starting {@code after}; the viewer's data scope applies.
     *
     * @param inside the dipped slice's signals (its date range is ignored)
     */
    List<DipExplanation> explain(Dips.Measure measure, SignalFilter inside, LocalDate before, LocalDate after);
}
