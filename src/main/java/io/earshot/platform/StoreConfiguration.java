package io.earshot.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded store: one DuckDB file under the data directory, opened through a small connection pool. DuckDB
 * settings ({@code memory_limit}, {@code threads}) apply to the whole database, so they are set on every connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfiguration {

    @Bean
    DataSource dataSource(StoreProperties store, @Value("${earshot.data-dir}") Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("earshot-store");
        pool.setDriverClassName("org.duckdb.DuckDBDriver");
        pool.setJdbcUrl("jdbc:duckdb:" + dataDir.resolve(store.file()).toAbsolutePath());
        pool.setMaximumPoolSize(store.poolSize());
        pool.setConnectionInitSql("SET memory_limit='" + store.memoryLimit() + "'; SET threads=" + store.threads());
        return pool;
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
