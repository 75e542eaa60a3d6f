package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Recordings over real HTTP on a real store in a temporary data directory: uploads of each accepted kind, range
 * requests, refusals that leave nothing behind (wrong kind, over Earshot's limit of 100 KB, over the server's multipart
 * limit of 300 KB, missing consent, someone who does not facilitate), transcripts and deletion.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "earshot.demo.load-on-empty-store=false",
            "earshot.programme.max-recording-size=100KB",
            "spring.servlet.multipart.max-file-size=300KB",
            "spring.servlet.multipart.max-request-size=300KB"
        })
@TemporaryStore
class RecordingPagesTests {

    static final String FACILITATOR = "facilitator@recordings.test";
    static final String LEADER = "leader@recordings.test";
    static final String MANAGER = "manager@recordings.test";

    @Value("${earshot.data-dir}")
    Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recordings recordings;

    static CustomerSession session;
    static CustomerSession withoutConsent;

    @BeforeEach
    void sessionsOnce() {
        if (session == null) {
            session = SessionFixture.yesterday(context, FACILITATOR, LEADER, List.of("Ana Silva"), List.of());
            withoutConsent = SessionFixture.yesterday(
                    context, FACILITATOR, LEADER, List.of("Cy Dorn"), List.of("Bo Chen", "Di Egan"));
            WebSession.user(context, MANAGER, Role.PROGRAMME_MANAGER);
        }
    }

    @Test
    void storesEachAcceptedKindWholeAndServesItWithItsType() throws Exception {
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        for (String[] file : new String[][] {
            {"session.mp4", "video/mp4"},
            {"session.webm", "video/webm"},
            {"speech.mp3", "audio/mpeg"},
            {"speech.m4a", "audio/mp4"},
            {"speech.wav", "audio/wav"}
        }) {
            byte[] content = SessionFixture.media(file[0]);
            HttpResponse<String> answer = upload(facilitator, recordingsPath(session), file[0], content);
            assertThat(answer.statusCode()).as(file[0]).isEqualTo(302);
            Recording stored = recordings.ofSession(session.id()).stream()
                    .filter(r -> r.fileName().equals(file[0]))
                    .findFirst()
                    .orElseThrow();
            assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .endsWith(recordingsPath(session) + "/" + stored.id() + "?done=uploaded");
            assertThat(stored.contentType()).isEqualTo(file[1]);
            assertThat(stored.bytes()).isEqualTo(content.length);
            assertThat(stored.sha256()).isEqualTo(sha256(content));
            assertThat(stored.uploadedBy()).isEqualTo(FACILITATOR);
            assertThat(Files.readAllBytes(
                            dataDir.resolve("media").resolve(stored.id().toString())))
                    .isEqualTo(content);

            HttpResponse<byte[]> media = bytes(facilitator, mediaPath(stored), null);
            assertThat(media.statusCode()).isEqualTo(200);
            assertThat(media.headers().firstValue("Content-Type")).hasValue(file[1]);
            assertThat(media.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(media.body()).isEqualTo(content);
        }
        assertThat(mediaFiles()).isEqualTo(storedIds());
    }

    @Test
    void answersRangeRequestsWithExactlyTheBytesAsked() throws Exception {
        byte[] content = SessionFixture.media("session.webm");
        Recording recording = uploaded("range.webm", content);
        WebSession leader = WebSession.signIn(port, LEADER, WebSession.PASSWORD);
        int n = content.length;

        HttpResponse<byte[]> first = bytes(leader, mediaPath(recording), "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + n);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(content, 0, 100));

        HttpResponse<byte[]> rest = bytes(leader, mediaPath(recording), "bytes=100-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 100-" + (n - 1) + "/" + n);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(content, 100, n));

        HttpResponse<byte[]> last = bytes(leader, mediaPath(recording), "bytes=-50");
        assertThat(last.statusCode()).isEqualTo(206);
        assertThat(last.headers().firstValue("Content-Range")).hasValue("bytes " + (n - 50) + "-" + (n - 1) + "/" + n);
        assertThat(last.body()).isEqualTo(Arrays.copyOfRange(content, n - 50, n));

        HttpResponse<byte[]> beyond = bytes(leader, mediaPath(recording), "bytes=" + n + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + n);
    }

    @Test
    void refusesAPictureNamedAsVideoAndLeavesNothingBehind() {
        byte[] png = HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489");
        assertRefused(
                "clip.mp4",
                png,
                "'clip.mp4' is named as mp4 but its content is a PNG picture. Accepted are mp4, m4a, webm, mp3, wav"
                        + " files whose content is of the kind their name says.");
    }

    @Test
    void refusesTextNamedAsAudio() {
        assertRefused(
                "notes.wav",
                "These are my notes, not a recording.".getBytes(StandardCharsets.UTF_8),
                "'notes.wav' is named as wav but its content is text. Accepted are mp4, m4a, webm, mp3, wav files whose"
                        + " content is of the kind their name says.");
    }

    @Test
    void refusesAProgramByItsName() {
        assertRefused(
                "setup.exe",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0},
                "'setup.exe' is not a recording Earshot keeps: accepted are mp4, m4a, webm, mp3, wav files of at most"
                        + " 100 KB.");
    }

    @Test
    void refusesARecordingOverTheLimitAndLeavesNothingBehind() {
        byte[] wav = new byte[150 * 1024];
        System.arraycopy(SessionFixture.media("speech.wav"), 0, wav, 0, 44);
        assertRefused(
                "long.wav",
                wav,
                "'long.wav' is too large (150 KB): a recording may be at most 100 KB (mp4, m4a, webm, mp3, wav)."
                        + " Shorten it or lower its bit rate, then upload it again.");
    }

    @Test
    void refusesAnUploadOverTheServersMultipartLimitWithAPageOrJson() {
        byte[] wav = new byte[400 * 1024];
        System.arraycopy(SessionFixture.media("speech.wav"), 0, wav, 0, 44);
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        long before = storedIds().size();
        String message = "The upload is larger than Earshot accepts: at most 100 KB for a recording (mp4, m4a, webm,"
                + " mp3, wav) and 5 MB for a transcript. Nothing was kept.";

        HttpResponse<String> page = upload(facilitator, recordingsPath(session), "huge.wav", wav);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains(message);

        HttpResponse<String> json = facilitator.send(
                multipart(facilitator, recordingsPath(session), "huge.wav", wav).header("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"message\":\"" + message + "\"");
        assertThat(storedIds()).hasSize((int) before);
        assertThat(mediaFiles()).isEqualTo(storedIds());
    }

    @Test
    void refusesALeaderWhoDoesNotFacilitate() {
        WebSession leader = WebSession.signIn(port, LEADER, WebSession.PASSWORD);
        long before = storedIds().size();
        HttpResponse<String> answer =
                upload(leader, recordingsPath(session), "session.mp4", SessionFixture.media("session.mp4"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(storedIds()).hasSize((int) before);
    }

    @Test
    void refusesARecordingOfCustomersWhoHaveNotConsentedNamingThem() {
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        HttpResponse<String> answer =
                upload(facilitator, recordingsPath(withoutConsent), "session.mp4", SessionFixture.media("session.mp4"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(answer.body()))
                .contains("Not every customer of this session consents to be recorded: Bo Chen and Di Egan have not."
                        + " Record their consent on the programme's panel first.");
        assertThat(recordings.ofSession(withoutConsent.id())).isEmpty();
        assertThat(mediaFiles()).isEqualTo(storedIds());
    }

    @Test
    void importsATranscriptAndShowsItsLinesBesideThePlayer() {
        Recording recording = uploaded("transcribed.mp4", SessionFixture.media("session.mp4"));
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        HttpResponse<String> answer = upload(
                facilitator, playerPath(recording) + "/transcript", "session.vtt", SessionFixture.media("session.vtt"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .endsWith(playerPath(recording) + "?done=transcript");
        assertThat(recordings.lines(recording.id()))
                .containsExactly(
                        new TranscriptLine(1, 0, 1600, "Ana", "Thanks for joining us today."),
                        new TranscriptLine(2, 1900, 4500, "Customer", "The card arrived late and nobody told me why."),
                        new TranscriptLine(3, 4800, 6500, "Customer", "I would switch banks over this."));
        assertThat(recordings.get(recording.id()).transcriptLines()).isEqualTo(3);

        HttpResponse<String> player =
                WebSession.signIn(port, LEADER, WebSession.PASSWORD).get(playerPath(recording) + "?t=1.9");
        assertThat(player.statusCode()).isEqualTo(200);
        assertThat(player.body())
                .contains("<video id=\"player\"")
                .contains("src=\"" + playerPath(recording) + "/media#t=1.9\"")
                .contains("data-start-ms=\"1900\" data-end-ms=\"4500\" data-number=\"2\"")
                .contains("The card arrived late and nobody told me why.")
                .doesNotContain("/transcript\"") // a leader gets no import form
                .doesNotContain("Delete recording");
    }

    @Test
    void refusesAMalformedTranscriptWithItsLineAndKeepsThePreviousOne() {
        Recording recording = uploaded("malformed.mp4", SessionFixture.media("session.mp4"));
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        assertThat(upload(
                                facilitator,
                                playerPath(recording) + "/transcript",
                                "session.vtt",
                                SessionFixture.media("session.vtt"))
                        .statusCode())
                .isEqualTo(302);
        byte[] malformed = SessionFixture.media("malformed.srt");
        TranscriptParse.Malformed expected = (TranscriptParse.Malformed) Transcripts.parse("malformed.srt", malformed);
        assertThat(expected.line()).isEqualTo(6);

        HttpResponse<String> answer =
                upload(facilitator, playerPath(recording) + "/transcript", "malformed.srt", malformed);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(answer.body()))
                .contains("'malformed.srt' is not a transcript Earshot can read — line 6: expected "
                        + expected.expected() + ", found " + expected.found() + ". The previous transcript is kept.");
        assertThat(recordings.lines(recording.id())).hasSize(3);
    }

    @Test
    void deletesARecordingWithItsTranscriptAndFileOnlyForThoseWhoRunTheProgramme() {
        Recording recording = uploaded("deleted.mp4", SessionFixture.media("session.mp4"));
        recordings.importTranscript(
                recording.id(),
                "session.vtt",
                new java.io.ByteArrayInputStream(SessionFixture.media("session.vtt")),
                "test");
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        assertThat(facilitator
                        .form(playerPath(recording) + "/delete", java.util.Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(recordings.find(recording.id())).isPresent();

        WebSession manager = WebSession.signIn(port, MANAGER, WebSession.PASSWORD);
        HttpResponse<String> answer = manager.form(playerPath(recording) + "/delete", java.util.Map.of());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .endsWith(recordingsPath(session) + "?done=deleted");
        assertThat(recordings.find(recording.id())).isEmpty();
        assertThat(recordings.lines(recording.id())).isEmpty();
        assertThat(Files.exists(dataDir.resolve("media").resolve(recording.id().toString())))
                .isFalse();
        assertThat(manager.get(mediaPath(recording)).statusCode()).isEqualTo(404);
    }

    @Test
    void listsTheSessionsRecordingsWithUploadFormsForItsFacilitator() {
        Recording recording = uploaded("listed.mp3", SessionFixture.media("speech.mp3"));
        HttpResponse<String> page =
                WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD).get(recordingsPath(session));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"" + playerPath(recording) + "\">listed.mp3</a>")
                .contains("action=\"" + recordingsPath(session) + "\"")
                .contains("action=\"" + playerPath(recording) + "/transcript\"")
                .contains("accept=\".mp4,.m4a,.webm,.mp3,.wav\"");
        HttpResponse<String> asLeader =
                WebSession.signIn(port, LEADER, WebSession.PASSWORD).get(recordingsPath(session));
        assertThat(asLeader.body()).contains("listed.mp3").doesNotContain("Upload recording");
    }

    @Test
    void refusesARecordingOfACancelledSession() {
        CustomerSession cancelled =
                SessionFixture.yesterday(context, FACILITATOR, LEADER, List.of("Eve Ford"), List.of());
        context.getBean(CustomerSessions.class).cancel(cancelled.id(), "test");
        byte[] content = SessionFixture.media("speech.wav");
        assertThat(recordings.store(
                        cancelled.id(),
                        "speech.wav",
                        content.length,
                        new java.io.ByteArrayInputStream(content),
                        "test"))
                .isEqualTo(new RecordingUpload.Refused("This session was cancelled, so it has no recording to keep:"
                        + " upload it to the session that took place."));
        assertThat(recordings.ofSession(cancelled.id())).isEmpty();
    }

    @Test
    void removesUnfinishedUploadsWhenItStarts() throws IOException {
        Path part = dataDir.resolve("media").resolve(UUID.randomUUID() + ".part");
        Files.write(part, new byte[] {1, 2, 3});
        new MediaFiles(dataDir);
        assertThat(part).doesNotExist();
    }

    private void assertRefused(String fileName, byte[] content, String message) {
        WebSession facilitator = WebSession.signIn(port, FACILITATOR, WebSession.PASSWORD);
        long before = storedIds().size();
        HttpResponse<String> answer = upload(facilitator, recordingsPath(session), fileName, content);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(answer.body())).contains(message);
        assertThat(storedIds()).hasSize((int) before);
        assertThat(mediaFiles()).as("files in the media directory").isEqualTo(storedIds());
    }

    private Recording uploaded(String fileName, byte[] content) {
        return switch (recordings.store(
                session.id(), fileName, content.length, new java.io.ByteArrayInputStream(content), "test")) {
            case RecordingUpload.Stored stored -> stored.recording();
            case RecordingUpload.Refused refused -> throw new AssertionError(refused.problem());
        };
    }

    private Set<String> storedIds() {
        return jdbc.queryForList("SELECT id FROM recording", UUID.class).stream()
                .map(UUID::toString)
                .collect(Collectors.toSet());
    }

    /** Every file in the media directory, .part files included. */
    private Set<String> mediaFiles() {
        try (Stream<Path> files = Files.list(dataDir.resolve("media"))) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recordingsPath(CustomerSession session) {
        return "/programmes/" + session.programmeId() + "/sessions/" + session.id() + "/recordings";
    }

    private static String playerPath(Recording recording) {
        return recordingsPath(session) + "/" + recording.id();
    }

    private static String mediaPath(Recording recording) {
        return playerPath(recording) + "/media";
    }

    private HttpResponse<String> upload(WebSession as, String path, String fileName, byte[] content) {
        return as.send(multipart(as, path, fileName, content));
    }

    private HttpRequest.Builder multipart(WebSession as, String path, String fileName, byte[] content) {
        String boundary = "----earshot" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(as.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpResponse<byte[]> bytes(WebSession as, String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(as.uri(path)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return as.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
