package io.earshot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #LIMIT} failed sign-ins for one e-mail, or from one address, within
 * {@link #WINDOW}, further attempts are refused until the window has passed. Kept in memory: a restart forgives, which
 * costs an attacker a restart they cannot cause.
 */
@Component
class SignInThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code email} from {@code address} may try again, if it is blocked now. */
    Optional<Duration> blocked(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(email, address)) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                times.removeIf(time -> time.isBefore(now.minus(WINDOW)));
                if (times.size() >= LIMIT) {
                    Duration left = Duration.between(now, times.peekFirst().plus(WINDOW));
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String email, String address) {
        for (String key : keys(email, address)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(clock.instant());
            }
        }
    }

    void succeeded(String email) {
        failures.remove("email:" + normal(email));
    }

    private static String[] keys(String email, String address) {
        return new String[] {"email:" + normal(email), "address:" + address};
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
