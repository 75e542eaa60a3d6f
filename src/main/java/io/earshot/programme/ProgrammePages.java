package io.earshot.programme;

import io.earshot.access.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme pages: {@code /programmes} lists the programmes the viewer may see and starts new ones;
 * {@code /programmes/{id}} shows one programme's goal, cohorts, facilitators, schedule (what is coming and what
 * happened) and who has met how many customers, with the forms to run it for those who may.
 */
@Controller
class ProgrammePages {

    private final Programmes programmes;
    private final CustomerSessions sessions;
    private final Panels panels;
    private final ProgrammeAccess access;
    private final People people;
    private final Clock clock;

    ProgrammePages(
            Programmes programmes,
            CustomerSessions sessions,
            Panels panels,
            ProgrammeAccess access,
            People people,
            Clock clock) {
        this.programmes = programmes;
        this.sessions = sessions;
        this.panels = panels;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/programmes")
    String list(Model model) {
        model.addAttribute(
                "programmes",
                access.runs() ? programmes.all() : programmes.of(access.viewer().id()));
        model.addAttribute("runs", access.runs());
        model.addAttribute("names", people.names());
        model.addAttribute("sponsors", people.withAny(Role.LEADER, Role.ADMINISTRATOR));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedMultiValueMap<String, String>());
        }
        return "programme/programmes";
    }

    @PostMapping("/programmes")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            Programme programme = programmes.create(
                    form.getFirst("name"),
                    form.getFirst("goal"),
                    Forms.optionalId(form.getFirst("sponsor"), "The sponsor"),
                    Forms.number(form.getFirst("cadenceDays"), "The cadence", 42),
                    Forms.date(form.getFirst("startsOn"), "The start date", LocalDate.now(clock)),
                    Forms.optionalDate(form.getFirst("endsOn"), "The end date"),
                    access.actor());
            return "redirect:/programmes/" + programme.id() + "?done=created";
        } catch (IllegalArgumentException e) {
            return refusedList(e, form, model, response);
        }
    }

    @GetMapping("/programmes/{id}")
    String programme(@PathVariable UUID id, Model model) {
        Programme programme = access.visible(id);
        List<Cohort> cohorts = programmes.cohorts(id);
        List<CustomerSession> schedule = sessions.ofProgramme(id);
        Set<UUID> leaders = new LinkedHashSet<>();
        cohorts.forEach(cohort -> leaders.addAll(cohort.memberIds()));
        var now = clock.instant();
        model.addAttribute("programme", programme);
        model.addAttribute("cohorts", cohorts);
        model.addAttribute("cohortNames", cohortNames(cohorts));
        model.addAttribute("facilitators", programmes.facilitators(id));
        model.addAttribute(
                "upcoming", schedule.stream().filter(s -> !s.isPast(now)).toList());
        model.addAttribute(
                "past", schedule.stream().filter(s -> s.isPast(now)).toList().reversed());
        model.addAttribute("tallies", Meetings.tally(leaders, schedule, now));
        List<PanelMember> panel = panels.members(id);
        model.addAttribute("panelSize", panel.size());
        model.addAttribute(
                "participants",
                panel.stream()
                        .filter(member -> member.consents(ConsentKind.PARTICIPATE, LocalDate.now(clock)))
                        .toList());
        model.addAttribute("names", people.names());
        model.addAttribute("runs", access.runs());
        model.addAttribute("leaderChoices", people.withAny(Role.LEADER));
        model.addAttribute(
                "facilitatorChoices", people.withAny(Role.FACILITATOR, Role.PROGRAMME_MANAGER, Role.ANALYST));
        model.addAttribute("formats", SessionFormat.values());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedMultiValueMap<String, String>());
        }
        return "programme/programme";
    }

    @PostMapping("/programmes/{id}/cohorts")
    String addCohort(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            programmes.addCohort(id, form.getFirst("name"), Forms.ids(form.get("members"), "A leader"));
            return "redirect:/programmes/" + id + "?done=cohort";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    @PostMapping("/programmes/{id}/cohorts/{cohortId}/members")
    String setMembers(
            @PathVariable UUID id,
            @PathVariable UUID cohortId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            programmes
                    .cohort(cohortId)
                    .filter(cohort -> cohort.programmeId().equals(id))
                    .orElseThrow(() -> new IllegalArgumentException("There is no such cohort in this programme"));
            programmes.setMembers(cohortId, Forms.ids(form.get("members"), "A leader"));
            return "redirect:/programmes/" + id + "?done=members";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    @PostMapping("/programmes/{id}/facilitators")
    String setFacilitators(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            programmes.setFacilitators(id, Forms.ids(form.get("facilitators"), "A facilitator"));
            return "redirect:/programmes/" + id + "?done=facilitators";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    /** The programme's page again with why the form was refused, as 400, keeping what was typed. */
    String refused(
            UUID id,
            RuntimeException e,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("form", form);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return programme(id, model);
    }

    private String refusedList(
            RuntimeException e, MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("form", form);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(model);
    }

    private static Map<UUID, String> cohortNames(List<Cohort> cohorts) {
        Map<UUID, String> names = new java.util.HashMap<>();
        cohorts.forEach(cohort -> names.put(cohort.id(), cohort.name()));
        return names;
    }

    static List<String> values(MultiValueMap<String, String> form, String key) {
        return form.getOrDefault(key, new ArrayList<>());
    }
}
