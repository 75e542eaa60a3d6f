package io.earshot.programme;

import io.earshot.access.Audit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The recordings of customer sessions and their transcripts. A recording is kept only when every customer in it
 * consents to be recorded, its name and content agree on an accepted kind ({@link MediaKind}) and it is within
 * {@code earshot.programme.max-recording-size} (default 500MB); otherwise nothing of it is kept, neither file nor row.
 */
@Service
public class Recordings {

    private static final String COLUMNS = """
            r.*, (SELECT count(*) FROM transcript_line l WHERE l.recording_id = r.id) AS lines""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MediaFiles files;
    private final CustomerSessions sessions;
    private final Panels panels;
    private final Audit audit;
    private final Clock clock;
    private final DataSize limit;

    Recordings(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            MediaFiles files,
            CustomerSessions sessions,
            Panels panels,
            Audit audit,
            Clock clock,
            @Value("${earshot.programme.max-recording-size:500MB}") DataSize limit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.files = files;
        this.sessions = sessions;
        this.panels = panels;
        this.audit = audit;
        this.clock = clock;
        this.limit = limit;
    }

    /** The largest recording kept. */
    public DataSize limit() {
        return limit;
    }

    /** The largest recording kept, for people: "500 MB". */
    public String maxSize() {
        return Recording.size(limit.toBytes());
    }

    /** The accepted kinds for a file input's {@code accept}: ".mp4,.m4a,.webm,.mp3,.wav". */
    public String acceptedExtensions() {
        return java.util.Arrays.stream(MediaKind.values())
                .map(kind -> "." + kind.extension())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Stores a recording of session {@code sessionId}, streaming {@code content} to disk.
     *
     * @param fileName the name it was uploaded with; its extension must agree with its content
     * @param declaredBytes its size when known beforehand (a multipart upload's), else -1; checked before reading
     * @param content the file, read once and not closed
     */
    public RecordingUpload store(
            UUID sessionId, String fileName, long declaredBytes, InputStream content, String actor) {
        CustomerSession session = sessions.get(sessionId);
        String name = baseName(fileName);
        if (session.cancelled()) {
            return new RecordingUpload.Refused(
                    "This session was cancelled, so it has no recording to keep: upload it to the session that took place.");
        }
        String withoutConsent = withoutConsent(session);
        if (!withoutConsent.isEmpty()) {
            return new RecordingUpload.Refused("Not every customer of this session consents to be recorded: "
                    + withoutConsent + " not. Record their consent on the programme's panel first.");
        }
        Optional<MediaKind> named = MediaKind.ofName(name);
        if (named.isEmpty()) {
            return new RecordingUpload.Refused("'" + name + "' is not a recording Earshot keeps: accepted are "
                    + MediaKind.accepted() + " files of at most " + Recording.size(limit.toBytes()) + ".");
        }
        MediaKind kind = named.get();
        if (declaredBytes > limit.toBytes()) {
            return tooLarge(name, declaredBytes);
        }
        try {
            PushbackInputStream stream = new PushbackInputStream(content, MediaKind.HEAD);
            byte[] head = stream.readNBytes(MediaKind.HEAD);
            if (!kind.matches(head)) {
                return new RecordingUpload.Refused("'" + name + "' is named as " + kind.extension()
                        + " but its content is " + MediaKind.describe(head) + ". Accepted are " + MediaKind.accepted()
                        + " files whose content is of the kind their name says.");
            }
            stream.unread(head);
            UUID id = UUID.randomUUID();
            return switch (files.write(id, stream, limit.toBytes())) {
                case MediaFiles.Written.TooLarge tooLarge -> tooLarge(name, -1);
                case MediaFiles.Written.Complete complete ->
                    new RecordingUpload.Stored(keep(id, session, name, kind, complete, actor));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload " + name, e);
        }
    }

    /** A refusal of a file over the limit; {@code bytes} is its size when known, else -1. */
    private RecordingUpload.Refused tooLarge(String name, long bytes) {
        String max = Recording.size(limit.toBytes());
        return new RecordingUpload.Refused("'" + name + "' is too large ("
                + (bytes < 0 ? "over " + max : Recording.size(bytes)) + "): a recording may be at most " + max
                + " (" + MediaKind.accepted() + "). Shorten it or lower its bit rate, then upload it again.");
    }

    private Recording keep(
            UUID id,
            CustomerSession session,
            String name,
            MediaKind kind,
            MediaFiles.Written.Complete file,
            String actor) {
        Recording recording = new Recording(
                id, session.id(), name, kind.contentType(), file.bytes(), file.sha256(), clock.instant(), actor, 0);
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update(
                        "INSERT INTO recording VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        id,
                        session.id(),
                        name,
                        recording.contentType(),
                        recording.bytes(),
                        recording.sha256(),
                        Timestamp.from(recording.uploadedAt()),
                        actor);
                audit.record("recording.upload", "session:" + session.id(), name + " (" + recording.size() + ")");
            });
            return recording;
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
    }

    /** The names of the session's customers who do not consent to be recorded today, as "Ana and Bo have". */
    private String withoutConsent(CustomerSession session) {
        LocalDate today = LocalDate.now(clock);
        List<String> names = session.customers().entrySet().stream()
                .filter(customer -> !session.attendanceRecorded() || customer.getValue() == Attendance.ATTENDED)
                .map(customer -> panels.find(customer.getKey()).orElse(null))
                .filter(member -> member != null && !member.consents(ConsentKind.RECORD, today))
                .map(PanelMember::name)
                .sorted()
                .toList();
        if (names.isEmpty()) {
            return "";
        }
        String joined = names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return joined + (names.size() == 1 ? " has" : " have");
    }

    /**
     * Imports the transcript of recording {@code recordingId}, replacing the one it had in one step. A malformed file
     * is returned as such and the previous transcript stays.
     */
    public TranscriptParse importTranscript(UUID recordingId, String fileName, InputStream content, String actor) {
        Recording recording = get(recordingId);
        TranscriptParse parse = Transcripts.parse(baseName(fileName), content);
        if (parse instanceof TranscriptParse.Parsed parsed) {
            List<TranscriptLine> lines = parsed.transcript().lines();
            transaction.executeWithoutResult(status -> {
                jdbc.update("DELETE FROM transcript_line WHERE recording_id = ?", recording.id());
                jdbc.batchUpdate(
                        "INSERT INTO transcript_line VALUES (?, ?, ?, ?, ?, ?)",
                        lines.stream()
                                .map(line -> new Object[] {
                                    recording.id(),
                                    line.number(),
                                    line.startMillis(),
                                    line.endMillis(),
                                    line.speaker(),
                                    line.text()
                                })
                                .toList());
                audit.record(
                        "recording.transcript",
                        "recording:" + recording.id(),
                        baseName(fileName) + ": " + lines.size() + " lines, "
                                + parsed.format().name());
            });
        }
        return parse;
    }

    /**
     * Deletes recording {@code recordingId}: its transcript, its row and its file. A recording clips were cut from is
     * refused, since the clips (and the reels that play them) would lose their picture.
     */
    public void delete(UUID recordingId, String actor) {
        Recording recording = get(recordingId);
        long clips = jdbc.queryForObject("SELECT count(*) FROM clip WHERE recording_id = ?", Long.class, recordingId);
        if (clips > 0) {
            throw new IllegalArgumentException("'" + recording.fileName() + "' has " + clips
                    + (clips == 1 ? " clip" : " clips") + " cut from it; delete them first");
        }
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM transcript_line WHERE recording_id = ?", recordingId);
            jdbc.update("DELETE FROM recording WHERE id = ?", recordingId);
            audit.record("recording.delete", "session:" + recording.sessionId(), recording.fileName());
        });
        files.delete(recordingId);
    }

    public Optional<Recording> find(UUID recordingId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM recording r WHERE r.id = ?", Recordings::recording, recordingId)
                .stream()
                .findFirst();
    }

    /** Recording {@code recordingId}, or an {@link IllegalArgumentException} saying there is none. */
    public Recording get(UUID recordingId) {
        return find(recordingId)
                .orElseThrow(() -> new IllegalArgumentException("There is no recording " + recordingId));
    }

    /** The recordings of session {@code sessionId}, in the order they were uploaded, with their transcript's size. */
    public List<Recording> ofSession(UUID sessionId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM recording r WHERE r.session_id = ? ORDER BY r.uploaded_at, r.file_name",
                Recordings::recording,
                sessionId);
    }

    /** The transcript of recording {@code recordingId}, line by line; empty before one is imported. */
    public List<TranscriptLine> lines(UUID recordingId) {
        return jdbc.query(
                "SELECT * FROM transcript_line WHERE recording_id = ? ORDER BY number",
                (row, n) -> new TranscriptLine(
                        row.getInt("number"),
                        row.getLong("start_ms"),
                        row.getLong("end_ms"),
                        row.getString("speaker"),
                        row.getString("text")),
                recordingId);
    }

    /** The file of recording {@code recordingId}, when it is there. */
    public Optional<Path> file(UUID recordingId) {
        Path file = files.of(recordingId);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The last part of an uploaded file's name: browsers on Windows may send the whole path. */
    static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .strip();
        return name.isEmpty() ? "upload" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static Recording recording(ResultSet row, int n) throws SQLException {
        return new Recording(
                row.getObject("id", UUID.class),
                row.getObject("session_id", UUID.class),
                row.getString("file_name"),
                row.getString("content_type"),
                row.getLong("bytes"),
                row.getString("sha256"),
                row.getTimestamp("uploaded_at").toInstant(),
                row.getString("uploaded_by"),
                row.getInt("lines"));
    }
}
