package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=true")
@TemporaryStore
class DemoOnEmptyStoreTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadsTheDemoCompanyInTheBackgroundOnTheFirstStart() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long signals = 0;
        while (signals < 50_000 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            signals = jdbc.queryForObject("SELECT count(*) FROM signal", Long.class);
        }
        assertThat(signals).isEqualTo(50_000);
    }
}
