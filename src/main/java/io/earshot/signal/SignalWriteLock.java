package io.earshot.signal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The one lock that every change to the {@code signal} table takes: imports, retention and erasure run one at a time.
 * An import's duplicate check and its transaction then never race a deletion (see docs/adr/0002).
 */
@Component
class SignalWriteLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Runs {@code work} holding the lock. */
    <T> T holding(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
