package io.earshot.programme;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A programme's customer sessions: scheduling one (from the programme's page), and each session's page with its
 * discussion guide, notes and attendance, which its facilitator and those who run the programme write.
 */
@Controller
class SessionPages {

    private final CustomerSessions sessions;
    private final Programmes programmes;
    private final Panels panels;
    private final ProgrammeAccess access;
    private final People people;
    private final ProgrammePages programmePages;
    private final Markdown markdown;
    private final Recordings recordings;
    private final Clips clips;
    private final Clock clock;

    SessionPages(
            CustomerSessions sessions,
            Programmes programmes,
            Panels panels,
            ProgrammeAccess access,
            People people,
            ProgrammePages programmePages,
            Markdown markdown,
            Recordings recordings,
            Clips clips,
            Clock clock) {
        this.clips = clips;
        this.recordings = recordings;
        this.markdown = markdown;
        this.sessions = sessions;
        this.programmes = programmes;
        this.panels = panels;
        this.access = access;
        this.people = people;
        this.programmePages = programmePages;
        this.clock = clock;
    }

    @PostMapping("/programmes/{id}/sessions")
    String schedule(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            CustomerSession session = sessions.schedule(
                    id,
                    new CustomerSessions.Plan(
                            Forms.id(form.getFirst("cohort"), "The cohort"),
                            form.getFirst("title"),
                            Forms.time(form.getFirst("startsAt"), "The start", clock.getZone()),
                            Forms.number(form.getFirst("minutes"), "The length in minutes", 30),
                            SessionFormat.of(form.getFirst("format")),
                            Forms.optionalId(form.getFirst("facilitator"), "The facilitator"),
                            form.getFirst("guide"),
                            Forms.ids(form.get("leaders"), "A leader"),
                            Forms.ids(form.get("customers"), "A customer")),
                    access.actor());
            return "redirect:/programmes/" + id + "/sessions/" + session.id() + "?done=scheduled";
        } catch (IllegalArgumentException e) {
            return programmePages.refused(id, e, form, model, response);
        }
    }

    @GetMapping("/programmes/{id}/sessions/{sessionId}")
    String session(@PathVariable UUID id, @PathVariable UUID sessionId, Model model) {
        Programme programme = access.visible(id);
        CustomerSession session = inProgramme(id, sessionId);
        model.addAttribute("programme", programme);
        model.addAttribute("meeting", session);
        model.addAttribute("recordings", recordings.ofSession(sessionId));
        model.addAttribute("clips", clips.ofSession(sessionId));
        model.addAttribute("guideHtml", markdown.html(session.guide()));
        model.addAttribute("notesHtml", markdown.html(session.notes()));
        model.addAttribute(
                "cohort",
                programmes.cohort(session.cohortId()).map(Cohort::name).orElse(""));
        model.addAttribute("names", people.names());
        Map<UUID, PanelMember> customers = new HashMap<>();
        session.customers()
                .keySet()
                .forEach(customer -> panels.find(customer).ifPresent(m -> customers.put(customer, m)));
        model.addAttribute("customers", customers);
        model.addAttribute("facilitates", access.facilitates(session));
        model.addAttribute("runs", access.runs());
        model.addAttribute("started", !session.startsAt().isAfter(clock.instant()));
        model.addAttribute("zone", clock.getZone());
        return "programme/session";
    }

    @PostMapping("/programmes/{id}/sessions/{sessionId}/notes")
    String notes(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestParam(defaultValue = "") String notes,
            Model model,
            HttpServletResponse response) {
        CustomerSession session = facilitated(id, sessionId);
        try {
            sessions.writeNotes(session.id(), notes, access.actor());
            return "redirect:/programmes/" + id + "/sessions/" + sessionId + "?done=notes";
        } catch (IllegalArgumentException e) {
            model.addAttribute("typedNotes", notes);
            return refused(id, sessionId, e, model, response);
        }
    }

    @PostMapping("/programmes/{id}/sessions/{sessionId}/attendance")
    String attendance(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        CustomerSession session = facilitated(id, sessionId);
        try {
            Map<UUID, Attendance> leaders = Forms.attendance(form, "leader", "A leader");
            Map<UUID, Attendance> customers = Forms.attendance(form, "customer", "A customer");
            sessions.recordAttendance(session.id(), leaders, customers, access.actor());
            return "redirect:/programmes/" + id + "/sessions/" + sessionId + "?done=attendance";
        } catch (IllegalArgumentException e) {
            return refused(id, sessionId, e, model, response);
        }
    }

    @PostMapping("/programmes/{id}/sessions/{sessionId}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID sessionId) {
        access.run(id);
        sessions.cancel(inProgramme(id, sessionId).id(), access.actor());
        return "redirect:/programmes/" + id + "/sessions/" + sessionId + "?done=cancelled";
    }

    private CustomerSession facilitated(UUID id, UUID sessionId) {
        access.visible(id);
        CustomerSession session = inProgramme(id, sessionId);
        if (!access.facilitates(session)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only the session's facilitator and those who run the programme write this");
        }
        return session;
    }

    private CustomerSession inProgramme(UUID id, UUID sessionId) {
        return sessions.find(sessionId)
                .filter(session -> session.programmeId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no session " + sessionId + " in this programme"));
    }

    private String refused(UUID id, UUID sessionId, RuntimeException e, Model model, HttpServletResponse response) {
        model.addAttribute("problem", e.getMessage());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return session(id, sessionId, model);
    }
}
