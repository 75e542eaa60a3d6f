package io.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before provenance had its own line column is migrated without losing where a signal came from. */
class ProvenanceMigrationTests {

    @TempDir
    Path dir;

    @Test
    void splitsStoredFileAndLineAtTheLastColon() throws SQLException {
        String url = "jdbc:duckdb:" + dir.resolve("old.duckdb");
        Flyway.configure().dataSource(url, null, null).target("2.1").load().migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement()) {
            for (String provenance : List.of("survey.csv:2", "c:\\exports\\nps 10:30.csv:41", "api request:7", "odd")) {
                sql.execute(
                        "INSERT INTO signal (id, source, external_id, occurred_at, received_at, provenance, import_id)"
                                + " VALUES (uuid(), 's', '" + provenance.replace("'", "''") + "', now(), now(), '"
                                + provenance.replace("'", "''") + "', uuid())");
            }
        }

        Flyway.configure().dataSource(url, null, null).load().migrate();

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement();
                ResultSet result =
                        sql.executeQuery("SELECT provenance, provenance_line FROM signal ORDER BY external_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + " | " + result.getObject(2));
            }
        }
        assertThat(rows)
                .containsExactly("api request | 7", "c:\\exports\\nps 10:30.csv | 41", "odd | null", "survey.csv | 2");
    }
}
