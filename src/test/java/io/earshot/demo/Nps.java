package io.earshot.demo;

import java.util.Collection;
import java.util.Objects;

/** NPS of a set of scores with its variance, as defined in ARCHITECTURE.md, for checks on generated data. */
record Nps(long n, double promoters, double detractors) {

    static Nps of(Collection<DemoSignal> signals) {
        long n = 0, promoters = 0, detractors = 0;
        for (DemoSignal signal : signals) {
            Integer score = signal.nps();
            if (Objects.isNull(score)) {
                continue;
            }
            n++;
            promoters += score >= 9 ? 1 : 0;
            detractors += score <= 6 ? 1 : 0;
        }
        return new Nps(n, (double) promoters / n, (double) detractors / n);
    }

    double value() {
        return 100 * (promoters - detractors);
    }

    double variance() {
        return 100 * 100 * ((promoters + detractors) - Math.pow(promoters - detractors, 2)) / n;
    }

    /** The z statistic of the change from {@code before} to this. */
    double zAgainst(Nps before) {
        return (value() - before.value()) / Math.sqrt(variance() + before.variance());
    }
}
