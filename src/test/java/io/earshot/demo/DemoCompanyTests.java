package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.signal.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DemoCompanyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Value("${earshot.data-dir}")
    Path dataDir;

    @Autowired
    DemoCompany demo;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadsTheDemoThroughTheImportAndLoadingAgainAddsNothing() throws Exception {
        // the other test may have loaded the demo already: start from an empty store
        jdbc.execute("DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import");
        List<ImportReport> first = demo.load(TODAY, line -> {});

        assertThat(first).extracting(ImportReport::source).containsExactly("survey", "chat", "ticket", "review");
        assertThat(first).allSatisfy(report -> assertThat(report.rejected()).isZero());
        assertThat(first.stream().mapToLong(ImportReport::accepted).sum()).isEqualTo(50_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isEqualTo(50_000);
        Map<String, Long> bySource =
                jdbc.queryForList("SELECT source, count(*) AS n FROM signal GROUP BY source").stream()
                        .collect(Collectors.toMap(
                                row -> (String) row.get("source"), row -> ((Number) row.get("n")).longValue()));
        assertThat(bySource).containsEntry("survey", 22_000L).containsEntry("review", 3_000L);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM signal WHERE json_extract_string(attributes, '$.intent') = 'card_arrival'",
                        Long.class))
                .isPositive();
        // months in the demo bank's zone (Europe/London): stored times are UTC
        assertThat(jdbc.queryForObject(
                        "SELECT count(DISTINCT strftime(timezone('Europe/London', occurred_at AT TIME ZONE 'UTC'), '%Y-%m'))"
                                + " FROM signal",
                        Long.class))
                .isEqualTo(18);

        List<ImportReport> again = demo.load(TODAY, line -> {});

        assertThat(again.stream().mapToLong(ImportReport::accepted).sum()).isZero();
        assertThat(again.stream().mapToLong(ImportReport::duplicates).sum()).isEqualTo(50_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isEqualTo(50_000);
        try (var files = Files.list(dataDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("demo-")))
                    .as("temporary import files are removed")
                    .isEmpty();
        }
    }

    @Test
    void thePlantedDipIsInTheStore() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) == 0) {
            demo.load(TODAY, line -> {});
        }
        PlantedDip dip = PlantedDip.endingIn(DemoGenerator.lastMonth(TODAY));
        String nps = "100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps)";
        Double during = jdbc.queryForObject(
                "SELECT " + nps + " FROM signal WHERE region = ? AND occurred_at >= ? AND occurred_at < ?",
                Double.class,
                dip.region(),
                utc(dip.month()),
                utc(dip.month().plusMonths(1)));
        Double before = jdbc.queryForObject(
                "SELECT " + nps + " FROM signal WHERE region = ? AND occurred_at >= ? AND occurred_at < ?",
                Double.class,
                dip.region(),
                utc(dip.month().minusMonths(3)),
                utc(dip.month()));

        assertThat(before - during).isGreaterThan(25);
    }

    /** The start of a month in the demo bank's zone, as the UTC timestamp the store keeps. */
    static LocalDateTime utc(YearMonth month) {
        return LocalDateTime.ofInstant(
                month.atDay(1).atStartOfDay(DemoGenerator.ZONE).toInstant(), ZoneOffset.UTC);
    }
}
