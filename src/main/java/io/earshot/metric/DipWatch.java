package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import io.earshot.signal.SignalsIngested;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * After each import, looks for dips in the latest complete month (over all signals: no viewer is behind an import's
 * aftermath) and publishes a {@link DipDetected} for each one not announced before by this process.
 */
@Component
class DipWatch {

    private final Dips dips;
    private final Metrics metrics;
    private final ApplicationEventPublisher events;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    private final boolean followImports;

    DipWatch(
            Dips dips,
            Metrics metrics,
            ApplicationEventPublisher events,
            @Value("${earshot.follow-imports:true}") boolean followImports) {
        this.dips = dips;
        this.metrics = metrics;
        this.events = events;
        this.followImports = followImports;
    }

    @Async
    @EventListener
    public void afterImport(SignalsIngested ingested) {
        if (followImports) { // off in 'earshot bench' only, where nothing may compete with what is measured
            check();
        }
    }

    /** Publishes the new dips of the latest complete month and returns them. */
    List<Dip> check() {
        LocalDate latest = metrics.latestComplete(Period.MONTH);
        List<Dip> fresh = new ArrayList<>();
        for (Dips.Measure measure : Dips.Measure.values()) {
            for (Dip dip : dips.find(measure, 1, SignalFilter.ALL)) {
                String key = dip.metric() + "|" + dip.field() + "|" + dip.slice() + "|" + dip.period();
                if (dip.period().equals(latest) && announced.add(key)) {
                    fresh.add(dip);
                    events.publishEvent(new DipDetected(dip));
                }
            }
        }
        return fresh;
    }
}
