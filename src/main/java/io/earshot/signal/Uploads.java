package io.earshot.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files uploaded on the Imports page, kept under {@code uploads/ID/} in the data directory between preview and import
 * (with the mapping the user chose), and deleted once imported. Uploads are addressed by a random id only, never by a
 * name the browser sent. Uploads previewed but never imported are removed when Earshot starts, once a day old.
 */
@Component
class Uploads {

    static final String FILE = "upload";
    static final String NAME = "name.txt";
    static final String MAPPING = "mapping.properties";

    private final Path root;

    /** How long an upload that was previewed but never imported is kept. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    Uploads(@Value("${earshot.data-dir}") Path dataDir) {
        this.root = dataDir.resolve("uploads");
        removeAbandoned(Instant.now().minus(ABANDONED_AFTER));
    }

    private void removeAbandoned(Instant before) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> uploads = Files.list(root)) {
            for (Path upload : uploads.toList()) {
                if (Files.getLastModifiedTime(upload).toInstant().isBefore(before)) {
                    delete(UUID.fromString(upload.getFileName().toString()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an upload that cannot be listed or is not ours stays; it is removed with the data directory
        }
    }

    UUID save(String fileName, InputStream content) throws IOException {
        UUID id = UUID.randomUUID();
        Path dir = Files.createDirectories(root.resolve(id.toString()));
        Files.copy(content, dir.resolve(FILE));
        Files.writeString(dir.resolve(NAME), fileName);
        return id;
    }

    Optional<Path> file(UUID id) {
        Path file = root.resolve(id.toString()).resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    String fileName(UUID id) {
        try {
            return Files.readString(root.resolve(id.toString()).resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path mapping(UUID id) {
        return root.resolve(id.toString()).resolve(MAPPING);
    }

    void delete(UUID id) {
        try (Stream<Path> files = Files.walk(root.resolve(id.toString()))) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover upload is harmless; it is removed with the data directory
        }
    }
}
