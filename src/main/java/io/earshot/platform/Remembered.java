package io.earshot.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the store and remembered until a write in this process calls {@link #forget()}: for small tables
 * that every request reads (the unit tree, the API tokens, the theme labels) and only this process writes, DuckDB
 * allowing one writing process per store file.
 *
 * <p>Correctness comes before speed: a writer calls {@link #forget()} inside its transaction, and within a transaction
 * the value is forgotten again when it completes, so no reading taken before the commit (by a request that ran
 * meanwhile) is served after it. A reading taken inside a transaction is not remembered, since it may hold rows that
 * are rolled back.
 *
 * @param <T> what is read; it should be immutable, since every caller gets the same instance
 */
public final class Remembered<T> {

    private final Supplier<T> reading;
    /** Counts the forgettings; a value read while it changed is not served again. */
    private final AtomicLong forgotten = new AtomicLong();

    private volatile Kept<T> kept;

    private record Kept<T>(T value, long generation) {}

    public Remembered(Supplier<T> reading) {
        this.reading = reading;
    }

    /** The remembered value, or a fresh reading (remembered when no write forgot it meanwhile). */
    public T get() {
        long generation = forgotten.get();
        Kept<T> last = kept;
        if (last != null && last.generation() == generation) {
            return last.value();
        }
        T value = reading.get();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // a forgetting while this read ran leaves a kept value of an older generation, never served
            kept = new Kept<>(value, generation);
        }
        return value;
    }

    /** Forgets the value now and, when called inside a transaction, again once it has committed or rolled back. */
    public void forget() {
        forgetNow();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow();
                }
            });
        }
    }

    private void forgetNow() {
        forgotten.incrementAndGet();
        kept = null;
    }
}
