package io.earshot.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The reels: their list, each reel's player (clips back to back, a title card before each, hidden clips skipped with
 * the reason), its reach, and for those who run programmes, making and arranging reels and exporting them as video.
 */
@Controller
class ReelPages {

    private final Reels reels;
    private final Clips clips;
    private final ClipViews views;
    private final ReelExports exports;
    private final ProgrammeAccess access;
    private final ClipPages clipPages;
    private final People people;
    private final Clock clock;

    ReelPages(
            Reels reels,
            Clips clips,
            ClipViews views,
            ReelExports exports,
            ProgrammeAccess access,
            ClipPages clipPages,
            People people,
            Clock clock) {
        this.clipPages = clipPages;
        this.reels = reels;
        this.clips = clips;
        this.views = views;
        this.exports = exports;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/reels")
    String list(Model model) {
        model.addAttribute("reels", reels.all());
        model.addAttribute("runs", access.runs());
        return "programme/reels";
    }

    @PostMapping("/reels")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            Model model,
            HttpServletResponse response) {
        try {
            Reel reel = reels.create(title, description, access.actor());
            return "redirect:/reels/" + reel.id() + "?done=created";
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("typedTitle", title);
            model.addAttribute("typedDescription", description);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list(model);
        }
    }

    @GetMapping("/reels/{id}")
    String reel(@PathVariable UUID id, Model model) {
        Reel reel = found(id);
        boolean runs = access.runs();
        model.addAttribute("reel", reel);
        model.addAttribute("entries", reels.entries(id));
        model.addAttribute("reach", views.ofReel(id));
        model.addAttribute("runs", runs);
        model.addAttribute("names", people.names());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("exportable", exports.available());
        model.addAttribute("export", exports.state(id));
        if (runs) {
            model.addAttribute("choices", clips.all());
        }
        return "programme/reel";
    }

    @PostMapping("/reels/{id}/clips")
    String add(
            @PathVariable UUID id, @RequestParam(defaultValue = "") String clip, Model model, HttpServletResponse r) {
        return change(id, model, r, () -> reels.add(id, Forms.id(clip, "The clip"), access.actor()), "added");
    }

    @PostMapping("/reels/{id}/clips/{clipId}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID clipId, Model model, HttpServletResponse r) {
        return change(id, model, r, () -> reels.remove(id, clipId, access.actor()), "removed");
    }

    @PostMapping("/reels/{id}/clips/{clipId}/up")
    String up(@PathVariable UUID id, @PathVariable UUID clipId, Model model, HttpServletResponse r) {
        return change(id, model, r, () -> reels.move(id, clipId, true, access.actor()), "moved");
    }

    @PostMapping("/reels/{id}/clips/{clipId}/down")
    String down(@PathVariable UUID id, @PathVariable UUID clipId, Model model, HttpServletResponse r) {
        return change(id, model, r, () -> reels.move(id, clipId, false, access.actor()), "moved");
    }

    @PostMapping("/reels/{id}/delete")
    String delete(@PathVariable UUID id) {
        found(id);
        reels.delete(id, access.actor());
        return "redirect:/reels?done=deleted";
    }

    @PostMapping("/reels/{id}/export")
    String export(@PathVariable UUID id, Model model, HttpServletResponse r) {
        return change(id, model, r, () -> exports.start(id, reels.entries(id)), "export-started");
    }

    @GetMapping("/reels/{id}/export.mp4")
    ResponseEntity<FileSystemResource> download(@PathVariable UUID id) {
        Reel reel = found(id);
        if (!(exports.state(id) instanceof ReelExport.Ready) || !Files.isRegularFile(exports.file(id))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Reel " + id + " has not been exported yet");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("video/mp4"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(reel.title().replaceAll("[^\\p{L}\\p{N} ._-]", "") + ".mp4")
                                .build()
                                .toString())
                .body(new FileSystemResource(exports.file(id)));
    }

    /** A clip watched in this reel: {@code clip} and {@code seconds}; the same as the clip's views with the reel. */
    @PostMapping("/reels/{id}/views")
    ResponseEntity<Void> view(
            @PathVariable UUID id, @RequestParam(defaultValue = "") String clip, @RequestParam String seconds) {
        found(id);
        UUID clipId = Forms.optionalId(clip, "The clip");
        if (clipId == null
                || reels.entries(id).stream()
                        .noneMatch(e -> e.clip().clip().id().equals(clipId))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name one of this reel's clips as clip");
        }
        return clipPages.view(clipId, seconds, id.toString());
    }

    private String change(UUID id, Model model, HttpServletResponse response, Runnable change, String done) {
        found(id);
        try {
            change.run();
            return "redirect:/reels/" + id + "?done=" + done;
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return reel(id, model);
        }
    }

    private Reel found(UUID id) {
        return reels.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no reel " + id));
    }
}
