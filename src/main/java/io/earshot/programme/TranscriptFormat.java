package io.earshot.programme;

/** The kinds of transcript file that {@link Transcripts#parse} reads. */
public enum TranscriptFormat {
    /** WebVTT ({@code .vtt}), as Zoom, Teams and most players write it. */
    WEBVTT,
    /** SubRip ({@code .srt}): numbered cues with {@code 00:01:02,500 --> 00:01:05,000} timings. */
    SRT,
    /** Plain text whose lines start with a timestamp, such as {@code [00:01:02] Anna: text}. */
    TIMESTAMPED_TEXT
}
