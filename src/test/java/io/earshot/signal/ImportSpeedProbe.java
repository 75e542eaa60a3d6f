package io.earshot.signal;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
class ImportSpeedProbe {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

    @Autowired
    SignalImports imports;

    @Test
    void probe() throws Exception {
        Path file = dataDir.resolve("bench.csv");
        SplittableRandom r = new SplittableRandom(1);
        String[] regions = {"North", "South", "East", "West"};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(
                    "external_id,customer_id,occurred_at,region,segment,product,channel,journey_stage,nps,csat,ces,text\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write("B" + i + ",C" + r.nextInt(100000) + ",2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)
                        + "T10:11:12Z," + regions[r.nextInt(4)] + ",retail,card,app,payments," + r.nextInt(11) + ","
                        + (1 + r.nextInt(5)) + ",," + "My card payment was declined at the shop\n");
            }
        }
        for (int run = 0; run < 2; run++) {
            long t = System.nanoTime();
            ImportReport report = imports.importFile(
                    new ImportRequest(file, null, "survey" + run, null, ZoneOffset.UTC, null), ImportProgress.NONE);
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    "PROBE %d rows in %.2f s = %.0f rows/s (%s)%n",
                    report.rows(), s, report.rows() / s, report.summary());
        }
    }
}
