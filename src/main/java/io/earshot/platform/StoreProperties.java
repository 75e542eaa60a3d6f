package io.earshot.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded DuckDB store.
 *
 * @param file the database file, relative to the data directory
 * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 2GB}
 * @param threads DuckDB's worker threads
 * @param poolSize connections kept open to the store
 */
@ConfigurationProperties("earshot.store")
public record StoreProperties(
        @DefaultValue("earshot.duckdb") String file,
        @DefaultValue("2GB") String memoryLimit,
        @DefaultValue("2") int threads,
        @DefaultValue("8") int poolSize) {

    public StoreProperties {
        if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException(
                    "earshot.store.memory-limit must be a size such as 2GB or 512MB, not '" + memoryLimit + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("earshot.store.threads must be at least 1, not " + threads);
        }
    }
}
