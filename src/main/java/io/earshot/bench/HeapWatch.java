package io.earshot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the Java heap during a benchmark phase: the peak of used heap (sampled every 10 ms and read just before each
 * garbage collection) and the largest heap still in use just after a collection (the live set, which is what must fit
 * under {@code -Xmx}).
 */
final class HeapWatch implements AutoCloseable {

    /**
     * The heap during one phase.
     *
     * @param peakUsed the most heap in use at any time, garbage included
     * @param maxLiveAfterGc the most heap still in use right after a garbage collection, or 0 if none ran
     */
    record Peak(long peakUsed, long maxLiveAfterGc) {}

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong maxLive = new AtomicLong();
    private final List<String> heapPools;
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .toList();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(this::sample);
    }

    /** Starts a new phase: forgets the peaks seen so far. */
    void reset() {
        peakUsed.set(used());
        maxLive.set(0);
    }

    /** The peaks since the last {@link #reset()}. */
    Peak peak() {
        peakUsed.accumulateAndGet(used(), Math::max);
        return new Peak(peakUsed.get(), maxLive.get());
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(used(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        peakUsed.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        maxLive.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> usage) {
        return heapPools.stream()
                .map(usage::get)
                .filter(u -> u != null)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // never added
                }
            }
        }
    }
}
