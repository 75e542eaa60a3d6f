package io.earshot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFileTests {

    @Test
    void writesTheSameTwelveColumnFileEveryTime(@TempDir Path dir) throws IOException {
        LocalDate lastDay = LocalDate.of(2026, 11, 21);
        long size = BenchFile.write(dir.resolve("a.csv"), 1_000, lastDay);
        BenchFile.write(dir.resolve("b.csv"), 1_000, lastDay);

        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        assertThat(lines).hasSize(1_001);
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(12));
        assertThat(lines.get(1)).startsWith("B1,C").matches(".*,20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,.*");
        assertThat(size).isEqualTo(Files.size(dir.resolve("a.csv")));
        assertThat(Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv"))).isEqualTo(-1L);
    }
}
