package io.earshot.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Making clips from a recording (its session's facilitators and those who run the programme), and each clip's
 * shareable page and media, which everyone who reads customers' words may open while the clip is shared.
 */
@Controller
class ClipPages {

    private final Clips clips;
    private final ClipViews views;
    private final CustomerSessions sessions;
    private final ProgrammeAccess access;
    private final People people;
    private final Clock clock;

    ClipPages(
            Clips clips,
            ClipViews views,
            CustomerSessions sessions,
            ProgrammeAccess access,
            People people,
            Clock clock) {
        this.clips = clips;
        this.views = views;
        this.sessions = sessions;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    @PostMapping("/programmes/{id}/sessions/{sessionId}/recordings/{recordingId}/clips")
    String create(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @PathVariable UUID recordingId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.visible(id);
        CustomerSession session = sessions.find(sessionId)
                .filter(found -> found.programmeId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no session " + sessionId + " in this programme"));
        if (!access.facilitates(session)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only the session's facilitators and those who run the programme make clips");
        }
        if (clips.source(recordingId)
                .filter(source -> source.sessionId().equals(sessionId))
                .isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "There is no recording " + recordingId + " of this session");
        }
        try {
            Clip clip = clips.create(
                    recordingId,
                    new Clips.Draft(
                            millis(form.getFirst("startMs"), "The start"),
                            millis(form.getFirst("endMs"), "The end"),
                            form.getFirst("title"),
                            form.getFirst("quote"),
                            form.getFirst("tags"),
                            form.get("themes") == null ? List.of() : form.get("themes")),
                    access.actor());
            return "redirect:/clips/" + clip.id() + "?done=created";
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("chosenThemes", form.get("themes") == null ? List.of() : form.get("themes"));
            model.addAttribute("themes", clips.themes());
            model.addAttribute("customerSession", session);
            model.addAttribute("action", ClipPaths.clipsOf(id, sessionId, recordingId));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "programme/clip-refused";
        }
    }

    @GetMapping("/clips/{id}")
    String clip(@PathVariable UUID id, Model model) {
        ClipStatus status = shown(id);
        model.addAttribute("status", status);
        model.addAttribute("clip", status.clip());
        model.addAttribute("themes", clips.themes());
        model.addAttribute("reach", views.ofClip(id));
        model.addAttribute("runs", access.runs());
        model.addAttribute("names", people.names());
        model.addAttribute("zone", clock.getZone());
        return "programme/clip";
    }

    /** The recording the clip is cut from, with Range support so that players seek to the clip; 404 while hidden. */
    @GetMapping("/clips/{id}/media")
    ResponseEntity<?> media(@PathVariable UUID id) {
        ClipStatus status = shown(id);
        if (!status.shared()) {
            // said in the body itself: the reason must reach whoever opens the address, whatever they accept
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(status.note());
        }
        Clips.MediaFile media = clips.media(status.clip())
                .filter(file -> Files.isRegularFile(file.file()))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "The recording of clip " + id + " has no media file"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(media.contentType()))
                .header("Cache-Control", "private, no-store")
                .body(new FileSystemResource(media.file()));
    }

    /** The player reports what was watched: {@code seconds}, and {@code reel} when played in one. */
    @PostMapping("/clips/{id}/views")
    ResponseEntity<Void> view(
            @PathVariable UUID id, @RequestParam String seconds, @RequestParam(required = false) String reel) {
        ClipStatus status = shown(id);
        if (!status.shared()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, status.note());
        }
        try {
            views.record(
                    status.clip(),
                    access.viewer().id(),
                    Forms.optionalId(reel, "The reel"),
                    Double.parseDouble(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The seconds watched must be a number such as 12.5, not '" + seconds + "'");
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private ClipStatus shown(UUID id) {
        return clips.status(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no clip " + id));
    }

    /** A time in milliseconds as the clip tools send it. */
    static long millis(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException(
                    field + " is needed: select transcript lines or set the in and out marks from the player");
        }
        try {
            return Math.round(Double.parseDouble(typed.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + " must be a time in milliseconds such as 83500, not '" + typed.strip() + "'");
        }
    }
}
