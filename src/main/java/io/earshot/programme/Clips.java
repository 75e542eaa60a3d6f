package io.earshot.programme;

import io.earshot.access.Audit;
import io.earshot.text.SearchIndex;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The clips cut from recorded customer sessions: made from a time range of a recording, shown only while every
 * customer of the session consents to internal sharing, and searchable as interview signals while shown. A change of
 * consent ({@link ConsentChanged}) withdraws or restores their signals at once.
 */
@Service
public class Clips {

    private final JdbcTemplate jdbc;
    private final CustomerSessions sessions;
    private final ClipConsent consent;
    private final ClipSignals signals;
    private final SearchIndex search;
    private final Audit audit;
    private final Clock clock;
    private final Path media;

    Clips(
            JdbcTemplate jdbc,
            CustomerSessions sessions,
            ClipConsent consent,
            ClipSignals signals,
            SearchIndex search,
            Audit audit,
            Clock clock,
            @Value("${earshot.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.consent = consent;
        this.signals = signals;
        this.search = search;
        this.audit = audit;
        this.clock = clock;
        this.media = dataDir.resolve("media");
    }

    /**
     * What someone chose to clip.
     *
     * @param quote the customer's words; blank takes the transcript's lines within the range
     * @param tags free tags typed as one line, comma-separated
     * @param themeIds ids of the text module's active themes
     */
    public record Draft(long startMs, long endMs, String title, String quote, String tags, List<String> themeIds) {}

    /** A recording clips are cut from: the session it recorded and its media's type. */
    record Source(UUID recordingId, UUID sessionId, String contentType) {}

    /** Cuts a clip from recording {@code recordingId}; refused with what to change when the draft is not a clip. */
    public Clip create(UUID recordingId, Draft draft, String actor) {
        Source source = source(recordingId)
                .orElseThrow(() -> new IllegalArgumentException("There is no recording " + recordingId));
        List<TranscriptLine> lines = transcript(recordingId);
        long transcriptEnd =
                lines.stream().mapToLong(TranscriptLine::endMillis).max().orElse(Long.MAX_VALUE);
        if (draft.endMs() > transcriptEnd) {
            throw new IllegalArgumentException("The clip's end (" + Clip.seconds(draft.endMs())
                    + ") is after the recording's transcript ends (" + Clip.seconds(transcriptEnd)
                    + "): choose a range within 0 s to " + Clip.seconds(transcriptEnd));
        }
        String quote = draft.quote() == null || draft.quote().isBlank()
                ? said(lines, draft.startMs(), draft.endMs())
                : draft.quote();
        if (quote.isBlank() && draft.endMs() > draft.startMs()) {
            throw new IllegalArgumentException("No transcript line falls within " + Clip.clock(draft.startMs()) + "–"
                    + Clip.clock(draft.endMs()) + ": type the customer's words as the quote");
        }
        Map<String, String> themes = search.themeLabels();
        List<String> themeIds = draft.themeIds() == null ? List.of() : draft.themeIds();
        for (String theme : themeIds) {
            if (!themes.containsKey(theme)) {
                throw new IllegalArgumentException("Theme " + theme + " is not one of the active themes "
                        + themes.keySet() + "; choose among those offered");
            }
        }
        Clip clip = new Clip(
                UUID.randomUUID(),
                recordingId,
                draft.startMs(),
                draft.endMs(),
                draft.title(),
                quote,
                Clip.tagsOf(draft.tags()),
                themeIds,
                null,
                clock.instant(),
                actor);
        jdbc.update(
                "INSERT INTO clip VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                clip.id(),
                recordingId,
                clip.startMs(),
                clip.endMs(),
                clip.title(),
                clip.quote(),
                String.join(",", clip.tags()),
                String.join(",", clip.themeIds()),
                Timestamp.from(clip.createdAt()),
                actor);
        audit.record("clip.create", "clip:" + clip.id(), clip.title() + " from recording " + recordingId);
        signals.follow(clip, source.sessionId());
        return get(clip.id());
    }

    public Optional<Clip> find(UUID id) {
        return jdbc.query("SELECT * FROM clip WHERE id = ?", Clips::clip, id).stream()
                .findFirst();
    }

    /** Clip {@code id}, or an {@link IllegalArgumentException} saying there is none. */
    public Clip get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no clip " + id));
    }

    /** Clip {@code id} with its session and whether it may be shown today. */
    public Optional<ClipStatus> status(UUID id) {
        return find(id).flatMap(this::status);
    }

    /** The clips of session {@code sessionId}, in recording and time order, with whether each may be shown. */
    public List<ClipStatus> ofSession(UUID sessionId) {
        return jdbc
                .query(
                        "SELECT c.* FROM clip c JOIN recording r ON r.id = c.recording_id WHERE r.session_id = ?"
                                + " ORDER BY r.uploaded_at, c.start_ms, c.created_at",
                        Clips::clip,
                        sessionId)
                .stream()
                .flatMap(clip -> status(clip).stream())
                .toList();
    }

    /** The clips of recording {@code recordingId}, in time order. */
    public List<ClipStatus> ofRecording(UUID recordingId) {
        return jdbc
                .query(
                        "SELECT * FROM clip WHERE recording_id = ? ORDER BY start_ms, created_at",
                        Clips::clip,
                        recordingId)
                .stream()
                .flatMap(clip -> status(clip).stream())
                .toList();
    }

    /** Every clip, newest first, with whether each may be shown: the choices of a reel. */
    public List<ClipStatus> all() {
        return jdbc.query("SELECT * FROM clip ORDER BY created_at DESC", Clips::clip).stream()
                .flatMap(clip -> status(clip).stream())
                .toList();
    }

    /** The active themes a clip may be tagged with, id to label. */
    public Map<String, String> themes() {
        return search.themeLabels();
    }

    /** The media file clip {@code clip} is cut from (which may be missing) and its type. */
    record MediaFile(Path file, String contentType) {}

    Optional<MediaFile> media(Clip clip) {
        return source(clip.recordingId())
                .map(source -> new MediaFile(media.resolve(clip.recordingId().toString()), source.contentType()));
    }

    /** The data directory's media folder, where reels are exported too. */
    Path mediaFolder() {
        return media;
    }

    /** A consent to internal sharing changed: the clips of that customer's sessions follow, their signals with them. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(ConsentChanged change) {
        if (change.kind() != ConsentKind.SHARE_INTERNALLY) {
            return;
        }
        jdbc.query(
                        """
                        SELECT c.*, r.session_id AS session FROM clip c JOIN recording r ON r.id = c.recording_id
                        WHERE r.session_id IN (SELECT session_id FROM session_customer WHERE panel_member_id = ?)""",
                        (row, n) -> Map.entry(clip(row, n), row.getObject("session", UUID.class)),
                        change.panelMemberId())
                .forEach(clip -> signals.follow(clip.getKey(), clip.getValue()));
    }

    /** Attendance decides whose consent counts once recorded: the session's clips and their signals follow. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(AttendanceRecorded recorded) {
        follow(recorded.sessionId());
    }

    /** Makes the signals of session {@code sessionId}'s clips follow its consents, e.g. after attendance changed. */
    public void follow(UUID sessionId) {
        ofSession(sessionId).forEach(status -> signals.follow(status.clip(), sessionId));
    }

    private Optional<ClipStatus> status(Clip clip) {
        return source(clip.recordingId())
                .flatMap(source -> sessions.find(source.sessionId())
                        .map(session -> new ClipStatus(
                                clip,
                                consent.of(session.id()),
                                session.programmeId(),
                                session.id(),
                                session.title(),
                                session.startsAt())));
    }

    Optional<Source> source(UUID recordingId) {
        return jdbc
                .query(
                        "SELECT id, session_id, content_type FROM recording WHERE id = ?",
                        (row, n) -> new Source(
                                row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3)),
                        recordingId)
                .stream()
                .findFirst();
    }

    /** Recording {@code recordingId}'s transcript, in line order. */
    List<TranscriptLine> transcript(UUID recordingId) {
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

    /** The words of the lines said within {@code [start, end)}, joined. */
    private static String said(List<TranscriptLine> lines, long start, long end) {
        return lines.stream()
                .filter(line -> line.startMillis() < end && line.endMillis() > start)
                .map(TranscriptLine::text)
                .collect(Collectors.joining(" "));
    }

    private static Clip clip(ResultSet row, int n) throws SQLException {
        return new Clip(
                row.getObject("id", UUID.class),
                row.getObject("recording_id", UUID.class),
                row.getLong("start_ms"),
                row.getLong("end_ms"),
                row.getString("title"),
                row.getString("quote"),
                list(row.getString("tags")),
                list(row.getString("theme_ids")),
                row.getObject("signal_id", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"));
    }

    private static List<String> list(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
