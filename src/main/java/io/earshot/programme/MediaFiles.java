package io.earshot.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The recordings' files: {@code media/<recording id>} under the data directory. A file is streamed to
 * {@code <id>.part} while its size is counted and its SHA-256 computed, then moved into place in one step, so a file
 * under its final name is always whole. A {@code .part} file left by a crash is removed when Earshot starts (ADR 19).
 */
@Component
class MediaFiles {

    private static final Logger log = LoggerFactory.getLogger(MediaFiles.class);
    private static final String UNFINISHED = ".part";

    private final Path directory;

    MediaFiles(@Value("${earshot.data-dir}") Path dataDir) {
        this.directory = dataDir.resolve("media");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media directory " + directory, e);
        }
        int removed = removeUnfinished();
        if (removed > 0) {
            log.warn("Removed {} unfinished upload(s) from {}", removed, directory);
        }
    }

    /** What came of writing a file. */
    sealed interface Written {
        /** Written whole and moved into place. */
        record Complete(long bytes, String sha256) implements Written {}

        /** Longer than the limit; nothing was kept. */
        record TooLarge(long limit) implements Written {}
    }

    Path directory() {
        return directory;
    }

    /** Where recording {@code id}'s file is (whether or not it exists). */
    Path of(UUID id) {
        return directory.resolve(id.toString());
    }

    /**
     * Streams {@code content} to recording {@code id}'s file, at most {@code limit} bytes; one byte more and the partial
     * file is removed. Memory stays at one buffer whatever the size.
     */
    Written write(UUID id, InputStream content, long limit) {
        Path part = directory.resolve(id + UNFINISHED);
        MessageDigest sha256 = sha256();
        long total = 0;
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = content.read(buffer)) != -1; ) {
                    total += read;
                    if (total > limit) {
                        out.close();
                        Files.deleteIfExists(part);
                        return new Written.TooLarge(limit);
                    }
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            Files.move(part, of(id), StandardCopyOption.ATOMIC_MOVE);
            return new Written.Complete(total, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("Cannot store recording " + id + " in " + directory, e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** Removes recording {@code id}'s file, if there is one. */
    void delete(UUID id) {
        try {
            Files.deleteIfExists(of(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the file of recording " + id, e);
        }
    }

    /** Removes the {@code .part} files of uploads that never finished; returns how many. */
    int removeUnfinished() {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*" + UNFINISHED)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the media directory " + directory, e);
        }
        return removed;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot remove {}", file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
