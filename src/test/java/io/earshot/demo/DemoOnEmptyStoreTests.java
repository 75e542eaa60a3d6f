package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=true")
class DemoOnEmptyStoreTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

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
