package io.earshot.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Loads the demo company on the first start against an empty store, in the background so the server answers at once.
 * Switched off with {@code earshot.demo.load-on-empty-store=false}; the commands of the command line always switch it
 * off.
 */
@Component
@ConditionalOnBooleanProperty("earshot.demo.load-on-empty-store")
class DemoOnEmptyStore {

    private static final Logger log = LoggerFactory.getLogger(DemoOnEmptyStore.class);

    private final DemoCompany demo;
    private final JdbcTemplate jdbc;

    DemoOnEmptyStore(DemoCompany demo, JdbcTemplate jdbc) {
        this.demo = demo;
        this.jdbc = jdbc;
    }

    /**
     * Creates the demo users at once, before the server prints a set-up link for a store without users (order 100),
     * when the store is empty; the signals follow in the background.
     */
    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    public void createUsersIfEmpty() {
        if (isEmpty()) {
            demo.createUsers(log::info);
        }
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void loadIfEmpty() {
        if (!isEmpty()) {
            return;
        }
        log.info("The store is empty: loading the demo company in the background"
                + " (switch off with earshot.demo.load-on-empty-store=false)");
        try {
            long accepted = demo.load(demo.today(), log::info).stream()
                    .mapToLong(report -> report.accepted())
                    .sum();
            log.info("Demo company loaded: {} signals", accepted);
        } catch (RuntimeException e) {
            log.warn("Could not load the demo company: {}", e.toString(), e);
        }
    }

    private boolean isEmpty() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM signal)", Boolean.class));
    }
}
