package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptParsingTests {

    private static byte[] resource(String name) {
        try (InputStream in = TranscriptParsingTests.class.getResourceAsStream("/programme/transcripts/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TranscriptParse parse(String fileName, String... lines) {
        return Transcripts.parse(fileName, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Transcript parsed(TranscriptParse parse, TranscriptFormat format) {
        assertThat(parse).isInstanceOf(TranscriptParse.Parsed.class);
        TranscriptParse.Parsed parsed = (TranscriptParse.Parsed) parse;
        assertThat(parsed.format()).isEqualTo(format);
        return parsed.transcript();
    }

    private static String malformed(TranscriptParse parse) {
        assertThat(parse).isInstanceOf(TranscriptParse.Malformed.class);
        return ((TranscriptParse.Malformed) parse).message();
    }

    private static TranscriptLine line(int number, long start, long end, String speaker, String text) {
        return new TranscriptLine(number, start, end, speaker, text);
    }

    // WebVTT

    @Test
    void readsTheSampleWebVttInterviewWithVoicesNotesSettingsEntitiesAndMultiLineCues() {
        Transcript transcript =
                parsed(Transcripts.parse("interview.vtt", resource("interview.vtt")), TranscriptFormat.WEBVTT);

        assertThat(transcript.lines())
                .containsExactly(
                        line(
                                1,
                                1000,
                                4500,
                                "Facilitator",
                                "Thanks for joining us. How did you first open your account?"),
                        line(
                                2,
                                5000,
                                11200,
                                "Maria",
                                "I started in the app, but the identity check kept failing on my passport photo."),
                        line(3, 11800, 14000, "Facilitator", "What did you do then?"),
                        line(4, 14500, 21000, "Maria", "I called support & waited about forty minutes. Forty."),
                        line(5, 21500, 24000, "Facilitator", "How did that feel?"),
                        line(6, 24200, 30800, "Maria", "Honestly? I almost gave up <laughs>."),
                        line(7, 31000, 35500, "Facilitator", "If you could change one thing, what would it be?"),
                        line(8, 36000, 42000, "Maria", "Tell me why the photo failed, right there on the screen."));
        assertThat(transcript.speakers()).containsExactly("Facilitator", "Maria");
    }

    @Test
    void readsWebVttWithBomHeaderMetadataShortTimesStylesRegionsAndClassedTags() {
        TranscriptParse parse = parse(
                "teams.vtt",
                "\uFEFFWEBVTT\tKind: captions",
                "Language: en",
                "",
                "STYLE",
                "::cue { color: yellow }",
                "",
                "REGION",
                "id:left width:40%",
                "",
                "a1b2-3/4-0",
                "00:01.000 --> 00:02.500 line:0",
                "<c.yellow>Hello</c> <00:00:01.500>there&nbsp;&nbsp;friend",
                "",
                "NOTE",
                "a note on its own line",
                "",
                "1:00:00.000 --> 1:00:01.000",
                "<v.first.loud Anna Berg>Bye &quot;now&quot;");

        assertThat(parsed(parse, TranscriptFormat.WEBVTT).lines())
                .containsExactly(
                        line(1, 1000, 2500, null, "Hello there friend"),
                        line(2, 3_600_000, 3_601_000, "Anna Berg", "Bye \"now\""));
    }

    @Test
    void takesAZoomStyleNamePrefixAsTheSpeakerWhenThereIsNoVoiceSpan() {
        TranscriptParse parse = parse(
                "zoom.vtt",
                "WEBVTT",
                "",
                "1",
                "00:00:01.000 --> 00:00:02.000",
                "Speaker 1: Hi, can you hear me?",
                "",
                "2",
                "00:00:03.000 --> 00:00:04.000",
                "So the thing is: it never loaded.",
                "",
                "3",
                "00:00:05.000 --> 00:00:06.000",
                "10: that was the score I gave");

        assertThat(parsed(parse, TranscriptFormat.WEBVTT).lines())
                .containsExactly(
                        line(1, 1000, 2000, "Speaker 1", "Hi, can you hear me?"),
                        line(2, 3000, 4000, null, "So the thing is: it never loaded."),
                        line(3, 5000, 6000, null, "10: that was the score I gave"));
    }

    @Test
    void startsANewCueAtATimingLineEvenWithoutABlankLineAndSkipsCuesWithoutWords() {
        TranscriptParse parse = parse(
                "tight.vtt",
                "WEBVTT",
                "00:00:01.000 --> 00:00:02.000",
                "first",
                "00:00:02.000 --> 00:00:03.000",
                "",
                "00:00:03.000 --> 00:00:04.000",
                "<i></i>",
                "",
                "00:00:04.000 --> 00:00:04.000",
                "last");

        assertThat(parsed(parse, TranscriptFormat.WEBVTT).lines())
                .containsExactly(line(1, 1000, 2000, null, "first"), line(2, 4000, 4000, null, "last"));
    }

    @Test
    void rejectsAWebVttTimingWithoutMillisecondsOrArrowAtItsLine() {
        TranscriptParse parse = Transcripts.parse("broken-timing.vtt", resource("broken-timing.vtt"));

        assertThat(parse)
                .isEqualTo(new TranscriptParse.Malformed(
                        8, "a cue timing such as 00:01:02.500 --> 00:01:05.000", "'00:01:02 -> 00:01:05'"));
        assertThat(malformed(parse))
                .isEqualTo("line 8: expected a cue timing such as 00:01:02.500 --> 00:01:05.000, "
                        + "found '00:01:02 -> 00:01:05'");
    }

    @Test
    void rejectsABrokenTimingOnTheFirstLineOfACueBlockAtThatLine() {
        TranscriptParse parse = parse("a.vtt", "WEBVTT", "", "00:00:01 --> 00:00:02", "Hello");

        assertThat(malformed(parse))
                .isEqualTo("line 3: expected a cue timing such as 00:01:02.500 --> 00:01:05.000, "
                        + "found '00:00:01 --> 00:00:02'");
    }

    @Test
    void rejectsAnIdentifierFollowedByABlankLineOrTheEndOfTheFile() {
        assertThat(malformed(parse("a.vtt", "WEBVTT", "", "Chapter one", "", "00:00:01.000 --> 00:00:02.000", "Hi")))
                .isEqualTo("line 4: expected a cue timing such as 00:01:02.500 --> 00:01:05.000, found a blank line");
        assertThat(malformed(parse("a.vtt", "WEBVTT", "", "00:00:01.000 --> 00:00:02.000", "Hi", "", "intro")))
                .isEqualTo("line 7: expected a cue timing such as 00:01:02.500 --> 00:01:05.000, "
                        + "found the end of the file");
    }

    @Test
    void rejectsAVttFileWithoutTheHeader() {
        assertThat(malformed(parse("captions.vtt", "intro", "00:00:01.000 --> 00:00:02.000", "Hi")))
                .isEqualTo("line 1: expected the header WEBVTT on the first line, found 'intro'");
        assertThat(malformed(parse("captions.txt", "00:00:01.000 --> 00:00:02.000", "Hi")))
                .isEqualTo("line 1: expected the header WEBVTT on the first line, "
                        + "found '00:00:01.000 --> 00:00:02.000'");
    }

    @Test
    void readsAHeaderlessVttFileWithNumberedCuesAsSrtSinceItsContentIsSrt() {
        TranscriptParse parse = parse("captions.vtt", "1", "00:00:01.000 --> 00:00:02.000", "Hi");

        assertThat(parsed(parse, TranscriptFormat.SRT).lines()).containsExactly(line(1, 1000, 2000, null, "Hi"));
    }

    @Test
    void rejectsACueThatEndsBeforeItStarts() {
        assertThat(malformed(parse("a.vtt", "WEBVTT", "", "00:00:05.000 --> 00:00:02.000", "Hi")))
                .isEqualTo("line 3: expected an end at or after the start 00:00:05.000, "
                        + "found '00:00:05.000 --> 00:00:02.000'");
    }

    @Test
    void rejectsACueThatStartsBeforeTheCueBeforeIt() {
        TranscriptParse parse = parse(
                "a.vtt",
                "WEBVTT",
                "",
                "00:00:05.000 --> 00:00:09.000",
                "second",
                "",
                "00:00:06.000 --> 00:00:07.000",
                "overlapping is fine",
                "",
                "00:00:01.000 --> 00:00:02.000",
                "first");

        assertThat(malformed(parse))
                .isEqualTo("line 9: expected a start at or after 00:00:06.000, where the cue on line 6 starts "
                        + "(cues must be in time order), found 00:00:01.000");
    }

    @Test
    void rejectsAHeaderOnlyFileAsHavingNoCues() {
        TranscriptParse parse = parse("empty.vtt", "WEBVTT", "", "NOTE nothing was said");

        assertThat(parse)
                .isEqualTo(new TranscriptParse.Malformed(0, "at least one cue with a timing and words", "no cues"));
        assertThat(malformed(parse)).isEqualTo("expected at least one cue with a timing and words, found no cues");
    }

    // SRT

    @Test
    void readsTheSampleSrtInterviewWithNamePrefixesAsSpeakers() {
        Transcript transcript =
                parsed(Transcripts.parse("interview.srt", resource("interview.srt")), TranscriptFormat.SRT);

        assertThat(transcript.lines()).hasSize(8);
        assertThat(transcript.lines().get(1))
                .isEqualTo(line(
                        2,
                        5000,
                        11200,
                        "Maria",
                        "I started in the app, but the identity check kept failing on my passport photo."));
        assertThat(transcript.lines().get(7))
                .isEqualTo(line(8, 36000, 42000, "Maria", "Tell me why the photo failed, right there on the screen."));
        assertThat(transcript.speakers()).containsExactly("Facilitator", "Maria");
    }

    @Test
    void readsSrtWithCrlfBomAndTrailingBlankLinesLikeTheSameFileWithLf() {
        String lf = new String(resource("interview.srt"), StandardCharsets.UTF_8);
        byte[] crlf = ("\uFEFF" + lf.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(parsed(Transcripts.parse("interview.srt", crlf), TranscriptFormat.SRT))
                .isEqualTo(parsed(Transcripts.parse("interview.srt", resource("interview.srt")), TranscriptFormat.SRT));
    }

    @Test
    void readsSrtWithoutAFinalLineBreakWithBracketAndVoiceSpeakersAndFormattingTags() {
        byte[] content = String.join(
                        "\r\n",
                        "1",
                        "00:00:01,000 --> 00:00:02,000",
                        "[Anna] <i>Hello</i>",
                        "",
                        "2",
                        "00:00:02,500 --> 00:00:03,000 X1:100 X2:200",
                        "<v Customer>Hi {\\an8}there</v>",
                        "3",
                        "00:00:03.000 --> 01:00:03.000",
                        "[laughs] yes",
                        "- two lines")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(parsed(Transcripts.parse("clip.srt", content), TranscriptFormat.SRT)
                        .lines())
                .containsExactly(
                        line(1, 1000, 2000, "Anna", "Hello"),
                        line(2, 2500, 3000, "Customer", "Hi there"),
                        line(3, 3000, 3_603_000, null, "[laughs] yes - two lines"));
    }

    @Test
    void rejectsAnSrtTimingWithoutMillisecondsAtItsLine() {
        TranscriptParse parse =
                parse("a.srt", "1", "00:00:01,000 --> 00:00:02,000", "Hi", "", "2", "00:00:03 --> 00:00:04", "Bye");

        assertThat(parse)
                .isEqualTo(new TranscriptParse.Malformed(
                        6, "a cue timing such as 00:01:02,500 --> 00:01:05,000", "'00:00:03 --> 00:00:04'"));
    }

    @Test
    void rejectsAnSrtCueWithoutItsNumber() {
        TranscriptParse parse =
                parse("a.srt", "1", "00:00:01,000 --> 00:00:02,000", "Hi", "", "00:00:03,000 --> 00:00:04,000", "Bye");

        assertThat(malformed(parse))
                .isEqualTo("line 5: expected a cue number such as 12, found '00:00:03,000 --> 00:00:04,000'");
    }

    @Test
    void rejectsSrtCuesOutOfTimeOrder() {
        assertThat(malformed(Transcripts.parse("out-of-order.srt", resource("out-of-order.srt"))))
                .isEqualTo("line 6: expected a start at or after 00:00:05.000, where the cue on line 2 starts "
                        + "(cues must be in time order), found 00:00:01.000");
    }

    @Test
    void rejectsAnSrtNumberAtTheEndOfTheFile() {
        assertThat(malformed(parse("a.srt", "1", "00:00:01,000 --> 00:00:02,000", "Hi", "", "2")))
                .isEqualTo("line 6: expected a cue timing such as 00:01:02,500 --> 00:01:05,000, "
                        + "found the end of the file");
    }

    // Timestamped text

    @Test
    void readsTimestampedTextWhereEachLineEndsAtTheNextAndTheLastAfterItsWords() {
        Transcript transcript = parsed(
                Transcripts.parse("interview.txt", resource("interview.txt")), TranscriptFormat.TIMESTAMPED_TEXT);

        assertThat(transcript.lines())
                .containsExactly(
                        line(
                                1,
                                1000,
                                5000,
                                "Facilitator",
                                "Thanks for joining us. How did you first open your account?"),
                        line(
                                2,
                                5000,
                                11800,
                                "Maria",
                                "I started in the app, but the identity check kept failing on my passport photo."),
                        line(3, 11800, 14000, "Facilitator", "What did you do then?"),
                        line(4, 14000, 21000, "Maria", "I called support and waited about forty minutes."),
                        line(5, 21000, 24000, "Facilitator", "How did that feel?"),
                        line(6, 24000, 26000, "Maria", "Honestly? I almost gave up."));
    }

    @Test
    void readsTimestampedLinesWithoutSpeakersWithMinutesBeyondAnHourAndWordsUnderTheTime() {
        TranscriptParse parse =
                parse("notes.txt", "(75:12) we talked about fees", "1:15:20 -", "and then", "(75:30) ok");

        assertThat(parsed(parse, TranscriptFormat.TIMESTAMPED_TEXT).lines())
                .containsExactly(
                        line(1, 4_512_000, 4_520_000, null, "we talked about fees"),
                        line(2, 4_520_000, 4_530_000, null, "and then"),
                        line(3, 4_530_000, 4_531_000, null, "ok"));
    }

    @Test
    void rejectsWordsBeforeTheFirstTimestamp() {
        assertThat(malformed(Transcripts.parse("title-line.txt", resource("title-line.txt"))))
                .isEqualTo("line 1: expected a line starting with a time such as [00:01:02] Anna: text, "
                        + "found 'Interview with Maria, 18 November'");
    }

    @Test
    void rejectsATimeWithSecondsBeyond59() {
        assertThat(malformed(parse("a.txt", "[00:00:01] Anna: hi", "[00:01:75] Ben: hello")))
                .isEqualTo("line 2: expected a line starting with a time such as [00:01:02] Anna: text, "
                        + "found '[00:01:75] Ben: hello'");
    }

    @Test
    void rejectsATimestampedLineWithoutWords() {
        assertThat(malformed(parse("a.txt", "[00:00:01] Anna: hi", "", "[00:00:04]", "", "[00:00:09] Ben: bye")))
                .isEqualTo("line 3: expected words after the time (or on the lines under it), found '[00:00:04]'");
    }

    @Test
    void rejectsTimestampedLinesOutOfTimeOrder() {
        assertThat(malformed(parse("a.txt", "[00:00:05] Anna: hi", "[00:00:01] Ben: bye")))
                .isEqualTo("line 2: expected a start at or after 00:00:05.000, where the cue on line 1 starts "
                        + "(cues must be in time order), found 00:00:01.000");
    }

    // The file as a whole

    @Test
    void rejectsAnEmptyOrBlankFile() {
        TranscriptParse.Malformed empty =
                new TranscriptParse.Malformed(0, "a WebVTT, SRT or timestamped transcript", "an empty file");

        assertThat(Transcripts.parse("a.vtt", new byte[0])).isEqualTo(empty);
        assertThat(parse("a.txt", "", "  ", "")).isEqualTo(empty);
    }

    @Test
    void rejectsBytesThatAreNotUtf8AtTheirLine() {
        byte[] latin1 =
                "WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nCaf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(malformed(Transcripts.parse("a.vtt", latin1)))
                .isEqualTo("line 4: expected UTF-8 text (save the file as UTF-8), found the byte 0xE9");
    }

    @Test
    void rejectsAFileLargerThan5Mb() {
        byte[] large = new byte[Transcripts.MAX_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        TranscriptParse.Malformed tooLarge =
                new TranscriptParse.Malformed(0, "a file of at most 5 MB", "a larger file");

        assertThat(Transcripts.parse("big.vtt", large)).isEqualTo(tooLarge);
        assertThat(Transcripts.parse("big.vtt", new ByteArrayInputStream(large)))
                .isEqualTo(tooLarge);
    }

    @Test
    void readsFromAStreamAsFromBytes() {
        assertThat(Transcripts.parse("interview.vtt", new ByteArrayInputStream(resource("interview.vtt"))))
                .isEqualTo(Transcripts.parse("interview.vtt", resource("interview.vtt")));
    }

    // The values

    @Test
    void refusesAnInvalidTranscriptLine() {
        assertThatThrownBy(() -> new TranscriptLine(1, -1, 0, null, "hi"))
                .hasMessage("startMillis must be 0 or more, was -1");
        assertThatThrownBy(() -> new TranscriptLine(1, 5, 4, null, "hi"))
                .hasMessage("endMillis must be at or after startMillis 5, was 4");
        assertThatThrownBy(() -> new TranscriptLine(1, 0, 0, null, " ")).hasMessage("text must be non-blank");
        assertThatThrownBy(() -> new TranscriptLine(0, 0, 0, null, "hi")).hasMessage("number must be 1 or more, was 0");
    }

    @Test
    void refusesATranscriptWhoseLinesAreMisnumberedOrOutOfOrder() {
        assertThatThrownBy(() -> new Transcript(List.of(line(2, 0, 1, null, "a"))))
                .hasMessage("line 1 of the transcript is numbered 2");
        assertThatThrownBy(() -> new Transcript(List.of(line(1, 5, 6, null, "a"), line(2, 4, 6, null, "b"))))
                .hasMessage("line 2 starts before line 1 of the transcript");
        assertThat(new Transcript(List.of()).speakers()).isEqualTo(Set.of());
    }
}
