package io.earshot.programme;

import java.time.Instant;

/** Where the export of a reel as one video file stands. */
public sealed interface ReelExport {

    /** What pages call it: {@code none}, {@code running}, {@code ready} or {@code failed}. */
    default String state() {
        return switch (this) {
            case None none -> "none";
            case Running running -> "running";
            case Ready ready -> "ready";
            case Failed failed -> "failed";
        };
    }

    /** Never exported, or the file was removed. */
    record None() implements ReelExport {}

    /** ffmpeg is cutting and joining the clips; {@code done} of {@code clips} are cut. */
    record Running(Instant startedAt, int done, int clips) implements ReelExport {}

    /** The file is ready to download. */
    record Ready(Instant finishedAt, long bytes, int clips) implements ReelExport {}

    /** ffmpeg failed; {@code message} says how. */
    record Failed(Instant finishedAt, String message) implements ReelExport {}
}
