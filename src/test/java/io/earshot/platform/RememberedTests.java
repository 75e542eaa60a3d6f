package io.earshot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A remembered reading is read once, read again after a forgetting, and never kept when a forgetting overtook it. */
class RememberedTests {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOnceUntilForgotten() {
        Remembered<Integer> remembered = new Remembered<>(reads::incrementAndGet);

        assertThat(remembered.get()).isEqualTo(1);
        assertThat(remembered.get()).isEqualTo(1);
        remembered.forget();

        assertThat(remembered.get()).isEqualTo(2);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aReadingThatAForgettingOvertookIsNotServedAgain() {
        Remembered<Integer>[] self = new Remembered[1];
        // the first reading is overtaken by a write that forgets while the read is under way
        self[0] = new Remembered<>(() -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                self[0].forget();
            }
            return n;
        });

        assertThat(self[0].get()).isEqualTo(1);

        assertThat(self[0].get()).isEqualTo(2);
        assertThat(self[0].get()).isEqualTo(2);
    }
}
