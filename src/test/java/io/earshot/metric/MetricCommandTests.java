package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotApplication;
import io.earshot.EarshotCommand;
import io.earshot.StoredSignals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetricCommandTests {

    @TempDir
    static Path dataDir;

    /** North: February NPS 30 (5/3/2), March NPS −30 (2/3/5). South, March: two CSAT 5, one CSAT 2, a complaint. */
    @BeforeAll
    static void store() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EarshotApplication.class)
                .web(WebApplicationType.NONE)
                .run("--earshot.data-dir=" + dataDir, "--earshot.demo.load-on-empty-store=false")) {
            List<StoredSignals.Signal> rows = new ArrayList<>();
            rows.addAll(times(5, signal().region("North").at("2025-02-03").nps(10)));
            rows.addAll(times(3, signal().region("North").at("2025-02-04").nps(7)));
            rows.addAll(times(2, signal().region("North").at("2025-02-05").nps(6)));
            rows.addAll(times(2, signal().region("North").at("2025-03-03").nps(9)));
            rows.addAll(times(3, signal().region("North").at("2025-03-04").nps(8)));
            rows.addAll(times(5, signal().region("North").at("2025-03-05").nps(4)));
            rows.addAll(times(
                    2, signal().region("South, coast").at("2025-03-06").csat(5).ces(5)));
            rows.add(signal().region("South, coast").at("2025-03-07").csat(2).ces(2));
            rows.add(signal().region("South, coast").at("2025-03-08").source("complaint"));
            StoredSignals.insert(context.getBean(JdbcTemplate.class), rows);
        }
    }

    @Test
    void printsOneCsvRowPerSliceByDefault() {
        Run run = metrics("--by", "region");

        assertThat(run.exitCode).isZero();
        assertThat(run.csv())
                .containsExactly(
                        "slice,n,nps,nps_ci_low,nps_ci_high,csat,ces,poc,poc_rate,small_sample,volume,csat_n,ces_n",
                        // 7 promoters, 7 detractors of 20: NPS 0, Var = 10000 * 0.7 / 20 = 350, margin 1.96·√350 = 36.7
                        "North,20,0.0,-36.7,36.7,,,0,0.0,true,20,0,0",
                        "\"South, coast\",0,,,,66.7,4.0,1,25.0,true,4,3,3");
    }

    @Test
    void addsThePeriodAndTheChangeSinceThePreviousPeriod() {
        Run run = metrics("--by", "region", "--period", "month", "--filter", "region=North");

        assertThat(run.exitCode).isZero();
        List<String> csv = run.csv();
        assertThat(csv.get(0))
                .startsWith("slice,period,n,nps,nps_ci_low,nps_ci_high,csat,ces,poc,poc_rate,small_sample")
                .contains("nps_change,nps_change_p,csat_change,csat_change_p");
        // 30.0 -> -30.0: z = -60 / √(610 + 610) = -1.7178, p = 0.0858
        assertThat(csv.get(1)).startsWith("North,2025-02,10,30.0,-18.4,78.4,");
        assertThat(csv.get(2)).startsWith("North,2025-03,10,-30.0,-78.4,18.4,").contains(",-60.0,0.0858,");
        assertThat(csv).hasSize(3);
    }

    @Test
    void printsJsonWithThePocDefinition() {
        Run run = metrics("--by", "region", "--format", "json", "--from", "2025-03-01", "--to", "2025-04-01");

        assertThat(run.exitCode).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out.substring(run.out.indexOf('{')));
        assertThat(json.get("poc_definition").asString())
                .isEqualTo("NPS 0–3, or CSAT 1, or any complaint or escalation signal");
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.get("rows").get(0).get("nps").asDouble()).isEqualTo(-30.0);
        assertThat(json.get("rows").get(0).get("small_sample").asBoolean()).isTrue();
    }

    @Test
    void printsAnAlignedTableWithThePocDefinitionAndNoValueAsDash() {
        Run run = metrics("--by", "region", "--format", "table");

        assertThat(run.exitCode).isZero();
        List<String> lines =
                run.out.lines().dropWhile(l -> !l.startsWith("slice ")).toList();
        assertThat(lines.subList(0, 3))
                .containsExactly(
                        "slice          n  nps  nps_ci_low  nps_ci_high  csat  ces  poc  poc_rate  small_sample  volume"
                                + "  csat_n  ces_n",
                        "North         20  0.0       -36.7         36.7     -    -    0       0.0          true      20"
                                + "       0      0",
                        "South, coast   0    -           -            -  66.7  4.0    1      25.0          true       4"
                                + "       3      3");
        assertThat(lines.get(3))
                .isEqualTo("POC: NPS 0–3, or CSAT 1, or any complaint or escalation signal."
                        + " small_sample: fewer than 30 NPS responses.");
    }

    @Test
    void refusesAnUnknownFieldListingTheAcceptedOnes() {
        Run run = metrics("--by", "colour");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Unknown field 'colour'", "region", "attributes.NAME");
    }

    @Test
    void refusesAnUnknownPeriodListingTheAcceptedOnes() {
        Run run = metrics("--by", "region", "--period", "year");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Unknown period 'year'; use one of day, week, month, quarter");
    }

    private static Run metrics(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "metrics"));
        all.addAll(Arrays.asList(args));
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream(), errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int exitCode = EarshotCommand.execute(all.toArray(String[]::new));
            return new Run(
                    exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int exitCode, String out, String err) {
        /** The CSV lines, from the header on (logging may precede them). */
        List<String> csv() {
            List<String> lines = out.lines().toList();
            int header = lines.indexOf(lines.stream()
                    .filter(l -> l.startsWith("slice,"))
                    .findFirst()
                    .orElseThrow());
            return lines.subList(header, lines.size());
        }
    }
}
