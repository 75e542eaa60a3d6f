package io.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
class EarshotApplicationTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migratesTheStoreAndAppliesItsSettings() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT current_setting('threads')", Long.class))
                .isEqualTo(2L);
        assertThat(dataDir.resolve("earshot.duckdb")).exists();
    }
}
