package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTests {

    @TempDir
    Path dataDir;

    @Test
    void removesUploadsAbandonedForADayWhenEarshotStarts() throws IOException {
        Uploads before = new Uploads(dataDir);
        UUID abandoned = before.save("old.csv", csv());
        UUID recent = before.save("new.csv", csv());
        Files.setLastModifiedTime(
                dataDir.resolve("uploads").resolve(abandoned.toString()),
                FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        Uploads afterRestart = new Uploads(dataDir);

        assertThat(afterRestart.file(abandoned)).isEmpty();
        assertThat(afterRestart.file(recent)).isPresent();
        assertThat(afterRestart.fileName(recent)).isEqualTo("new.csv");
    }

    private static ByteArrayInputStream csv() {
        return new ByteArrayInputStream("nps,text\n9,Great\n".getBytes(StandardCharsets.UTF_8));
    }
}
