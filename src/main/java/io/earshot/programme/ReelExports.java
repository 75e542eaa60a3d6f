package io.earshot.programme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Exports a reel as one MP4 file where ffmpeg is installed: each clip shared at the time is cut from its recording and
 * re-encoded to one frame size, then the parts are joined, into {@code media/reels/<reel id>.mp4}. One export runs at a
 * time, in the background; hidden clips are left out, as they are when the reel plays.
 */
@Component
class ReelExports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReelExports.class);

    private final Clips clips;
    private final Clock clock;
    private final Map<UUID, ReelExport> states = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reel-export");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Boolean available;

    ReelExports(Clips clips, Clock clock) {
        this.clips = clips;
        this.clock = clock;
    }

    /** Whether ffmpeg runs here (asked once). */
    boolean available() {
        if (available == null) {
            available = run(List.of("ffmpeg", "-hide_banner", "-version")).isEmpty();
        }
        return available;
    }

    /** The exported file of reel {@code reelId} (which may not exist yet). */
    Path file(UUID reelId) {
        return clips.mediaFolder().resolve("reels").resolve(reelId + ".mp4");
    }

    ReelExport state(UUID reelId) {
        ReelExport state = states.get(reelId);
        if (state != null) {
            return state;
        }
        Path file = file(reelId);
        try {
            return Files.isRegularFile(file)
                    ? new ReelExport.Ready(Files.getLastModifiedTime(file).toInstant(), Files.size(file), 0)
                    : new ReelExport.None();
        } catch (IOException e) {
            return new ReelExport.None();
        }
    }

    /** Starts exporting reel {@code reelId}'s shared clips; refused when ffmpeg is missing or nothing is shared. */
    void start(UUID reelId, List<Reels.Entry> entries) {
        if (!available()) {
            throw new IllegalArgumentException("Exporting a reel needs ffmpeg, which is not installed here");
        }
        List<ClipStatus> shared = entries.stream()
                .map(Reels.Entry::clip)
                .filter(ClipStatus::shared)
                .toList();
        if (shared.isEmpty()) {
            throw new IllegalArgumentException(
                    "This reel has no clip that may be shown, so there is nothing to export");
        }
        if (states.get(reelId) instanceof ReelExport.Running) {
            throw new IllegalArgumentException("This reel is being exported already");
        }
        states.put(reelId, new ReelExport.Running(clock.instant(), 0, shared.size()));
        worker.execute(() -> export(reelId, shared));
    }

    private void export(UUID reelId, List<ClipStatus> shared) {
        Path work = null;
        try {
            work = Files.createTempDirectory("reel-" + reelId);
            List<String> list = new ArrayList<>();
            for (int i = 0; i < shared.size(); i++) {
                Clip clip = shared.get(i).clip();
                Path input = clips.media(clip)
                        .map(Clips.MediaFile::file)
                        .filter(Files::isRegularFile)
                        .orElseThrow(() ->
                                new IllegalStateException("the recording of '" + clip.title() + "' has no media file"));
                Path part = work.resolve("part-" + i + ".mp4");
                fail(run(List.of(
                        "ffmpeg",
                        "-hide_banner",
                        "-v",
                        "error",
                        "-y",
                        "-ss",
                        seconds(clip.startMs()),
                        "-i",
                        input.toString(),
                        "-t",
                        seconds(clip.endMs() - clip.startMs()),
                        "-vf",
                        "scale=1280:720:force_original_aspect_ratio=decrease,"
                                + "pad=1280:720:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-ar",
                        "48000",
                        "-ac",
                        "2",
                        part.toString())));
                list.add("file '" + part.getFileName() + "'");
                states.put(reelId, new ReelExport.Running(clock.instant(), i + 1, shared.size()));
            }
            Path listFile = Files.writeString(work.resolve("parts.txt"), String.join("\n", list) + "\n");
            Path joined = work.resolve("reel.mp4");
            fail(run(List.of(
                    "ffmpeg",
                    "-hide_banner",
                    "-v",
                    "error",
                    "-y",
                    "-f",
                    "concat",
                    "-safe",
                    "0",
                    "-i",
                    listFile.toString(),
                    "-c",
                    "copy",
                    "-movflags",
                    "+faststart",
                    joined.toString())));
            Path target = file(reelId);
            Files.createDirectories(target.getParent());
            Files.move(joined, target, StandardCopyOption.REPLACE_EXISTING);
            states.put(reelId, new ReelExport.Ready(clock.instant(), Files.size(target), shared.size()));
        } catch (IOException | RuntimeException e) {
            log.warn("Exporting reel {} failed: {}", reelId, e.getMessage());
            states.put(reelId, new ReelExport.Failed(clock.instant(), e.getMessage()));
        } finally {
            delete(work);
        }
    }

    private static void fail(String error) {
        if (!error.isEmpty()) {
            throw new IllegalStateException("ffmpeg: " + error);
        }
    }

    /** Runs a command; returns "" when it succeeded, else what went wrong (the end of its output). */
    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "took longer than 10 minutes";
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0
                    ? ""
                    : "exit " + process.exitValue() + ": " + text.substring(Math.max(0, text.length() - 500));
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Cannot remove {}: {}", folder, e.getMessage());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        worker.shutdownNow();
    }
}
