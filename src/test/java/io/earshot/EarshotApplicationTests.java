package io.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class EarshotApplicationTests {

    @Value("${earshot.data-dir}")
    Path dataDir;

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
