package io.earshot.programme;

import io.earshot.access.DataScopes;
import io.earshot.access.Role;
import io.earshot.text.SearchIndex;
import io.earshot.text.SearchQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * A programme's empathy workshops: scheduling one (from the programme's page, for those who run it), and each
 * workshop's page with its reel, prompts, attendance and insights. Its facilitator, the programme's facilitators and
 * those who run programmes change it; its attendees and the programme's members see it.
 */
@Controller
class WorkshopPages {

    private final Workshops workshops;
    private final Insights insights;
    private final Programmes programmes;
    private final ProgrammeClips clips;
    private final SignalReferences signals;
    private final SearchIndex search;
    private final DataScopes scopes;
    private final ProgrammeAccess access;
    private final People people;
    private final ProgrammePages programmePages;
    private final Clock clock;

    WorkshopPages(
            Workshops workshops,
            Insights insights,
            Programmes programmes,
            ProgrammeClips clips,
            SignalReferences signals,
            SearchIndex search,
            DataScopes scopes,
            ProgrammeAccess access,
            People people,
            ProgrammePages programmePages,
            Clock clock) {
        this.workshops = workshops;
        this.insights = insights;
        this.programmes = programmes;
        this.clips = clips;
        this.signals = signals;
        this.search = search;
        this.scopes = scopes;
        this.access = access;
        this.people = people;
        this.programmePages = programmePages;
        this.clock = clock;
    }

    @PostMapping("/programmes/{id}/workshops")
    String schedule(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            Workshop workshop = workshops.schedule(
                    id,
                    new Workshops.Plan(
                            form.getFirst("title"),
                            Forms.time(form.getFirst("startsAt"), "The workshop's start", clock.getZone()),
                            Forms.number(form.getFirst("minutes"), "The workshop's length in minutes", 90),
                            Forms.optionalId(form.getFirst("reel"), "The reel"),
                            Forms.optionalId(form.getFirst("facilitator"), "The facilitator"),
                            Forms.ids(form.get("attendees"), "An attendee")),
                    access.actor());
            return "redirect:/programmes/" + id + "/workshops/" + workshop.id() + "?done=scheduled";
        } catch (IllegalArgumentException e) {
            return programmePages.refused(id, e, form, model, response);
        }
    }

    @GetMapping("/programmes/{id}/workshops/{workshopId}")
    String workshop(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam(required = false) String q,
            Model model) {
        Workshop workshop = seen(id, workshopId);
        List<Insight> outputs = insights.ofWorkshop(workshopId);
        List<UUID> linkedClips = new ArrayList<>();
        List<UUID> linkedSignals = new ArrayList<>();
        outputs.forEach(insight -> {
            linkedClips.addAll(insight.clipIds());
            linkedSignals.addAll(insight.signalIds());
        });
        model.addAttribute("programme", programmes.get(id));
        model.addAttribute("workshop", workshop);
        model.addAttribute("names", people.names());
        model.addAttribute("reels", workshops.reels());
        model.addAttribute("insights", outputs);
        model.addAttribute("linkedClips", clips.of(id, new LinkedHashSet<>(linkedClips)));
        model.addAttribute("signalTexts", signals.visible(new LinkedHashSet<>(linkedSignals)));
        model.addAttribute(
                "clipChoices",
                clips.ofProgramme(id).stream()
                        .filter(ProgrammeClips.ProgrammeClip::shared)
                        .toList());
        model.addAttribute("manages", manages(workshop));
        model.addAttribute("promptsText", String.join("\n", workshop.prompts()));
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("userChoices", people.withAny(Role.values()));
        model.addAttribute("runs", access.runs());
        model.addAttribute("started", workshop.hasStarted(clock.instant()));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("withheld", ProgrammeClips.WITHHELD);
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute(
                        "hits",
                        search.search(SearchQuery.of(q).in(SearchQuery.Mode.TEXT), scopes.current())
                                .hits());
            } catch (RuntimeException e) {
                model.addAttribute("searchProblem", e.getMessage());
            }
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new LinkedMultiValueMap<String, String>());
        }
        return "programme/workshop";
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/reel")
    String reel(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Workshop workshop = managed(id, workshopId);
        return change(
                id,
                workshopId,
                "reel",
                form,
                model,
                response,
                () -> workshops.chooseReel(workshop.id(), Forms.id(form.getFirst("reel"), "The reel"), access.actor()));
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/prompts")
    String prompts(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Workshop workshop = managed(id, workshopId);
        String typed = form.getFirst("prompts") == null ? "" : form.getFirst("prompts");
        return change(
                id,
                workshopId,
                "prompts",
                form,
                model,
                response,
                () -> workshops.writePrompts(workshop.id(), List.of(typed.split("\\R")), access.actor()));
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/invitations")
    String invite(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Workshop workshop = managed(id, workshopId);
        return change(
                id,
                workshopId,
                "invited",
                form,
                model,
                response,
                () -> workshops.invite(workshop.id(), Forms.ids(form.get("attendees"), "An attendee"), access.actor()));
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/attendance")
    String attendance(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Workshop workshop = managed(id, workshopId);
        return change(id, workshopId, "attendance", form, model, response, () -> {
            Map<UUID, Attendance> attendance = Forms.attendance(form.toSingleValueMap(), "attendee", "An attendee");
            workshops.recordAttendance(workshop.id(), attendance, access.actor());
        });
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/insights")
    String insight(
            @PathVariable UUID id,
            @PathVariable UUID workshopId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Workshop workshop = managed(id, workshopId);
        return change(id, workshopId, "insight", form, model, response, () -> {
            List<UUID> signalIds = new ArrayList<>(Forms.ids(form.get("signals"), "A signal found by search"));
            signalIds.addAll(pastedSignalIds(form.getFirst("signalIds")));
            insights.add(
                    workshop.id(),
                    form.getFirst("text"),
                    Forms.ids(form.get("clips"), "A clip"),
                    signalIds,
                    access.actor());
        });
    }

    @PostMapping("/programmes/{id}/workshops/{workshopId}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID workshopId) {
        access.run(id);
        workshops.cancel(seen(id, workshopId).id(), access.actor());
        return "redirect:/programmes/" + id + "/workshops/" + workshopId + "?done=cancelled";
    }

    /** The signal ids pasted into a box, separated by spaces, commas or new lines. */
    static List<UUID> pastedSignalIds(String typed) {
        List<UUID> ids = new ArrayList<>();
        if (typed == null) {
            return ids;
        }
        for (String one : typed.split("[\\s,;]+")) {
            if (one.isEmpty()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(one));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Signal ids: '" + one + "' is not a signal id; paste ids such as"
                        + " 3f2b8c1e-0d4a-4c55-9a61-2b7e6f0c9d12, separated by spaces, commas or new lines");
            }
        }
        return ids;
    }

    private String change(
            UUID id,
            UUID workshopId,
            String done,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            Runnable change) {
        try {
            change.run();
            return "redirect:/programmes/" + id + "/workshops/" + workshopId + "?done=" + done;
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("typed", form);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return workshop(id, workshopId, null, model);
        }
    }

    /**
     * Workshop {@code workshopId} of programme {@code id} if the viewer may see it: those who may see the programme,
     * and its attendees and facilitator. Otherwise 404, so that its existence does not leak.
     */
    private Workshop seen(UUID id, UUID workshopId) {
        Workshop workshop = workshops
                .find(workshopId)
                .filter(found -> found.programmeId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no workshop " + workshopId + " in this programme"));
        UUID me = access.viewer().id();
        if (!workshop.attendees().containsKey(me) && !me.equals(workshop.facilitatorId())) {
            access.visible(id);
        }
        return workshop;
    }

    private Workshop managed(UUID id, UUID workshopId) {
        Workshop workshop = seen(id, workshopId);
        if (!manages(workshop)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Only the workshop's facilitator, the programme's facilitators and those who run programmes change"
                            + " a workshop");
        }
        return workshop;
    }

    private boolean manages(Workshop workshop) {
        UUID me = access.viewer().id();
        return access.runs()
                || me.equals(workshop.facilitatorId())
                || programmes.facilitators(workshop.programmeId()).contains(me);
    }
}
