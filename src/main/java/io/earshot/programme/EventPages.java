package io.earshot.programme;

import io.earshot.access.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Closeness events: scheduling one from the programme's page, and each event's page at {@code /events/{id}}, outside
 * {@code /programmes} because employees of every role are invited. The page is for those who may see the programme,
 * the invited employees and the owners of its follow-ups; to anyone else the event does not exist (404). Those who run
 * programmes invite, record attendance, set tables and add follow-ups; invited employees give feedback; an owner marks
 * their follow-up done.
 */
@Controller
class EventPages {

    private final ClosenessEvents events;
    private final EventTables tables;
    private final Feedbacks feedbacks;
    private final FollowUps followUps;
    private final Programmes programmes;
    private final Panels panels;
    private final ProgrammeAccess access;
    private final People people;
    private final ProgrammePages programmePages;
    private final Markdown markdown;
    private final Clock clock;

    EventPages(
            ClosenessEvents events,
            EventTables tables,
            Feedbacks feedbacks,
            FollowUps followUps,
            Programmes programmes,
            Panels panels,
            ProgrammeAccess access,
            People people,
            ProgrammePages programmePages,
            Markdown markdown,
            Clock clock) {
        this.events = events;
        this.tables = tables;
        this.feedbacks = feedbacks;
        this.followUps = followUps;
        this.programmes = programmes;
        this.panels = panels;
        this.access = access;
        this.people = people;
        this.programmePages = programmePages;
        this.markdown = markdown;
        this.clock = clock;
    }

    @PostMapping("/programmes/{id}/events")
    String schedule(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            LocalDate day = Forms.date(form.getFirst("date"), "The event's date", null);
            ClosenessEvent event = events.schedule(
                    id,
                    new ClosenessEvents.Plan(
                            form.getFirst("title"),
                            day.atTime(time(form.getFirst("startTime"), "The start time"))
                                    .atZone(clock.getZone())
                                    .toInstant(),
                            day.atTime(time(form.getFirst("endTime"), "The end time"))
                                    .atZone(clock.getZone())
                                    .toInstant(),
                            form.getFirst("place"),
                            form.getFirst("agenda")),
                    access.actor());
            return "redirect:/events/" + event.id() + "?done=scheduled";
        } catch (IllegalArgumentException e) {
            return programmePages.refused(id, e, form, model, response);
        }
    }

    @GetMapping("/events/{eventId}")
    String event(@PathVariable UUID eventId, Model model) {
        ClosenessEvent event = seen(eventId);
        UUID me = access.viewer().id();
        boolean manages = access.runs();
        List<FollowUp> followUpList = followUps.ofEvent(eventId);
        Map<UUID, PanelMember> customers = new HashMap<>();
        event.customers().keySet().forEach(c -> panels.find(c).ifPresent(m -> customers.put(c, m)));
        model.addAttribute("event", event);
        // rendered here: Thymeleaf refuses bean references such as @markdown in th:utext (restricted expressions)
        model.addAttribute("agendaHtml", markdown.html(event.agenda()));
        model.addAttribute("programme", programmes.get(event.programmeId()));
        model.addAttribute("names", people.names());
        model.addAttribute("customers", customers);
        model.addAttribute("tables", tables.ofEvent(eventId));
        model.addAttribute("conversations", tables.conversations(eventId));
        model.addAttribute("followUps", followUpList);
        model.addAttribute("manages", manages);
        model.addAttribute("me", me);
        model.addAttribute("feedbackRefusal", feedbacks.refusal(event, me).orElse(null));
        model.addAttribute("invited", event.employees().containsKey(me));
        model.addAttribute("myFeedback", feedbacks.find(eventId, me).orElse(null));
        model.addAttribute("feedbacks", manages ? feedbacks.ofEvent(eventId) : List.of());
        model.addAttribute("started", event.hasStarted(clock.instant()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("attendances", Attendance.values());
        if (manages) {
            model.addAttribute("userChoices", people.withAny(Role.values()));
            model.addAttribute("panelChoices", panels.members(event.programmeId()));
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new LinkedMultiValueMap<String, String>());
        }
        return "programme/event";
    }

    @PostMapping("/events/{eventId}/feedback")
    String feedback(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = seen(eventId);
        UUID me = access.viewer().id();
        if (!event.employees().containsKey(me)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only employees invited to this event give feedback on it");
        }
        return change(
                eventId,
                "feedback",
                form,
                model,
                response,
                () -> feedbacks.give(
                        eventId,
                        me,
                        Forms.number(form.getFirst("rating"), "'How close to customers did this make you feel?'", 0),
                        form.getFirst("change"),
                        access.actor()));
    }

    @PostMapping("/events/{eventId}/follow-ups/{followUpId}/done")
    String done(
            @PathVariable UUID eventId,
            @PathVariable UUID followUpId,
            @RequestParam(defaultValue = "true") boolean done) {
        seen(eventId);
        FollowUp followUp = followUps
                .find(eventId, followUpId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no follow-up " + followUpId + " of this event"));
        if (!access.runs() && !followUp.ownerId().equals(access.viewer().id())) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only its owner and those who run programmes mark a follow-up done");
        }
        followUps.markDone(eventId, followUpId, done, access.actor());
        return "redirect:/events/" + eventId + "?done=" + (done ? "follow-up-done" : "follow-up-reopened");
    }

    @PostMapping("/events/{eventId}/follow-ups")
    String addFollowUp(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(
                eventId,
                "follow-up",
                form,
                model,
                response,
                () -> followUps.add(
                        event.id(),
                        form.getFirst("text"),
                        Forms.id(form.getFirst("owner"), "The owner"),
                        Forms.date(form.getFirst("dueOn"), "The due date", null),
                        access.actor()));
    }

    @PostMapping("/events/{eventId}/invitations")
    String invite(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(
                eventId,
                "invited",
                form,
                model,
                response,
                () -> events.invite(
                        event.id(),
                        Forms.ids(form.get("employees"), "An employee"),
                        Forms.ids(form.get("customers"), "A customer"),
                        access.actor()));
    }

    @PostMapping("/events/{eventId}/attendance")
    String attendance(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(eventId, "attendance", form, model, response, () -> {
            Map<String, String> fields = form.toSingleValueMap();
            Map<UUID, Attendance> employees = Forms.attendance(fields, "employee", "An employee");
            Map<UUID, Attendance> customers = Forms.attendance(fields, "customer", "A customer");
            events.recordAttendance(event.id(), employees, customers, access.actor());
        });
    }

    @PostMapping("/events/{eventId}/tables")
    String addTable(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(
                eventId,
                "table",
                form,
                model,
                response,
                () -> tables.add(
                        event.id(),
                        form.getFirst("name"),
                        Forms.optionalId(form.getFirst("host"), "The host"),
                        Forms.ids(form.get("customers"), "A customer"),
                        Forms.ids(form.get("employees"), "An employee"),
                        access.actor()));
    }

    @PostMapping("/events/{eventId}/tables/{tableId}/remove")
    String removeTable(
            @PathVariable UUID eventId,
            @PathVariable UUID tableId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(
                eventId,
                "table-removed",
                form,
                model,
                response,
                () -> tables.remove(event.id(), tableId, access.actor()));
    }

    @PostMapping("/events/{eventId}/agenda")
    String agenda(
            @PathVariable UUID eventId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        ClosenessEvent event = run(eventId);
        return change(
                eventId,
                "agenda",
                form,
                model,
                response,
                () -> events.writeAgenda(event.id(), form.getFirst("agenda"), access.actor()));
    }

    @PostMapping("/events/{eventId}/cancel")
    String cancel(@PathVariable UUID eventId) {
        ClosenessEvent event = run(eventId);
        events.cancel(event.id(), access.actor());
        return "redirect:/events/" + eventId + "?done=cancelled";
    }

    private static LocalTime time(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException(field + " is needed, as a time such as 14:30");
        }
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a time such as 14:30, not '" + typed.strip() + "'");
        }
    }

    private String change(
            UUID eventId,
            String done,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            Runnable change) {
        try {
            change.run();
            return "redirect:/events/" + eventId + "?done=" + done;
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("typed", form);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return event(eventId, model);
        }
    }

    /**
     * Event {@code eventId} if the viewer may see it: those who may see its programme, its invited employees and the
     * owners of its follow-ups. Otherwise 404, so that its existence does not leak.
     */
    private ClosenessEvent seen(UUID eventId) {
        ClosenessEvent event = events.find(eventId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no event " + eventId));
        UUID me = access.viewer().id();
        boolean involved = event.employees().containsKey(me)
                || followUps.ofEvent(eventId).stream().anyMatch(f -> f.ownerId().equals(me));
        if (!involved
                && !access.runs()
                && programmes.of(me).stream().noneMatch(p -> p.id().equals(event.programmeId()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no event " + eventId);
        }
        return event;
    }

    /** Event {@code eventId} if the viewer runs programmes; 404 if they may not see it, 403 if they only see it. */
    private ClosenessEvent run(UUID eventId) {
        ClosenessEvent event = seen(eventId);
        if (!access.runs()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only programme managers, analysts and administrators change an event");
        }
        return event;
    }
}
