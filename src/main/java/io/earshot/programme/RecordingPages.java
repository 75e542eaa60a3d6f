package io.earshot.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The recordings of a customer session: uploading one (its facilitator and those who run the programme), the player
 * page with its transcript, the media file served with HTTP range requests so the browser can seek, importing a
 * transcript, and deleting a recording (those who run the programme).
 */
@Controller
class RecordingPages {

    private static final String SESSION = "/programmes/{id}/sessions/{sessionId}";
    private static final String RECORDING = SESSION + "/recordings/{recordingId}";

    private final Recordings recordings;
    private final CustomerSessions sessions;
    private final ProgrammeAccess access;
    private final Clock clock;

    RecordingPages(Recordings recordings, CustomerSessions sessions, ProgrammeAccess access, Clock clock) {
        this.recordings = recordings;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping(SESSION + "/recordings")
    String list(@PathVariable UUID id, @PathVariable UUID sessionId, Model model) {
        Programme programme = access.visible(id);
        CustomerSession session = inProgramme(id, sessionId);
        model.addAttribute("programme", programme);
        model.addAttribute("customerSession", session);
        model.addAttribute("recordings", recordings.ofSession(sessionId));
        model.addAttribute("facilitates", access.facilitates(session));
        model.addAttribute("zone", clock.getZone());
        return "programme/session-recordings";
    }

    @PostMapping(SESSION + "/recordings")
    String upload(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        CustomerSession session = facilitated(id, sessionId);
        if (file == null || (file.isEmpty() && isBlank(file.getOriginalFilename()))) {
            return refused(
                    id,
                    sessionId,
                    "Choose a recording to upload: " + MediaKind.accepted() + ", at most " + recordings.maxSize() + ".",
                    model,
                    response);
        }
        RecordingUpload upload;
        try (InputStream content = file.getInputStream()) {
            upload =
                    recordings.store(session.id(), file.getOriginalFilename(), file.getSize(), content, access.actor());
        }
        return switch (upload) {
            case RecordingUpload.Stored stored ->
                "redirect:/programmes/" + id + "/sessions/" + sessionId + "/recordings/"
                        + stored.recording().id() + "?done=uploaded";
            case RecordingUpload.Refused refused -> refused(id, sessionId, refused.problem(), model, response);
        };
    }

    @GetMapping(RECORDING)
    String player(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @PathVariable UUID recordingId,
            @RequestParam(name = "t", required = false) String t,
            Model model) {
        Programme programme = access.visible(id);
        CustomerSession session = inProgramme(id, sessionId);
        Recording recording = ofSession(session, recordingId);
        List<TranscriptLine> lines = recordings.lines(recordingId);
        model.addAttribute("programme", programme);
        model.addAttribute("customerSession", session);
        model.addAttribute("recording", recording);
        model.addAttribute("lines", lines);
        model.addAttribute("start", startSeconds(t));
        model.addAttribute("facilitates", access.facilitates(session));
        model.addAttribute("runs", access.runs());
        model.addAttribute("zone", clock.getZone());
        return "programme/recording";
    }

    @GetMapping(RECORDING + "/media")
    ResponseEntity<Resource> media(
            @PathVariable UUID id, @PathVariable UUID sessionId, @PathVariable UUID recordingId) {
        access.visible(id);
        Recording recording = ofSession(inProgramme(id, sessionId), recordingId);
        Path file = recordings
                .file(recordingId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "The file of recording '" + recording.fileName() + "' is missing"));
        // a Resource body makes Spring MVC answer Range requests (206, Content-Range, 416) and send Accept-Ranges
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(recording.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(recording.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    @PostMapping(RECORDING + "/transcript")
    String transcript(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @PathVariable UUID recordingId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        CustomerSession session = facilitated(id, sessionId);
        Recording recording = ofSession(session, recordingId);
        if (file == null || (file.isEmpty() && isBlank(file.getOriginalFilename()))) {
            return refusedOnPlayer(
                    id,
                    sessionId,
                    recordingId,
                    "Choose a transcript file: WebVTT (.vtt), SRT (.srt) or text whose lines start with a time.",
                    model,
                    response);
        }
        String name = Recordings.baseName(file.getOriginalFilename());
        TranscriptParse parse;
        try (InputStream content = file.getInputStream()) {
            parse = recordings.importTranscript(recording.id(), name, content, access.actor());
        }
        return switch (parse) {
            case TranscriptParse.Parsed parsed ->
                "redirect:/programmes/" + id + "/sessions/" + sessionId + "/recordings/" + recordingId
                        + "?done=transcript";
            case TranscriptParse.Malformed malformed ->
                refusedOnPlayer(
                        id,
                        sessionId,
                        recordingId,
                        "'" + name + "' is not a transcript Earshot can read — " + malformed.message()
                                + ". The previous transcript is kept.",
                        model,
                        response);
        };
    }

    @PostMapping(RECORDING + "/delete")
    String delete(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @PathVariable UUID recordingId,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        Recording recording = ofSession(inProgramme(id, sessionId), recordingId);
        try {
            recordings.delete(recording.id(), access.actor());
            return "redirect:/programmes/" + id + "/sessions/" + sessionId + "/recordings?done=deleted";
        } catch (IllegalArgumentException e) {
            return refusedOnPlayer(id, sessionId, recordingId, e.getMessage(), model, response);
        }
    }

    /** Seconds from {@code ?t=}: a number of 0 or more; anything else starts at the beginning. */
    static double startSeconds(String t) {
        if (t == null || t.isBlank()) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(t.strip());
            return Double.isFinite(seconds) && seconds > 0 ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private CustomerSession facilitated(UUID id, UUID sessionId) {
        access.visible(id);
        CustomerSession session = inProgramme(id, sessionId);
        if (!access.facilitates(session)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Only the session's facilitator and those who run the programme add recordings and transcripts");
        }
        return session;
    }

    private CustomerSession inProgramme(UUID id, UUID sessionId) {
        return sessions.find(sessionId)
                .filter(session -> session.programmeId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no session " + sessionId + " in this programme"));
    }

    private Recording ofSession(CustomerSession session, UUID recordingId) {
        return recordings
                .find(recordingId)
                .filter(recording -> recording.sessionId().equals(session.id()))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no recording " + recordingId + " of this session"));
    }

    private String refused(UUID id, UUID sessionId, String problem, Model model, HttpServletResponse response) {
        model.addAttribute("problem", problem);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(id, sessionId, model);
    }

    private String refusedOnPlayer(
            UUID id, UUID sessionId, UUID recordingId, String problem, Model model, HttpServletResponse response) {
        model.addAttribute("problem", problem);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return player(id, sessionId, recordingId, null, model);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
