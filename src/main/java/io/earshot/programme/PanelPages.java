package io.earshot.programme;

import io.earshot.access.DataScopes;
import io.earshot.signal.CustomerDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * A programme's customer panel, {@code /programmes/{id}/panel}: customers recruited from the customer directory or
 * added as contacts, their consents (given and revoked, each dated), availability and incentives.
 */
@Controller
class PanelPages {

    private final Panels panels;
    private final ProgrammeAccess access;
    private final CustomerDirectory directory;
    private final DataScopes scopes;
    private final Clock clock;

    PanelPages(Panels panels, ProgrammeAccess access, CustomerDirectory directory, DataScopes scopes, Clock clock) {
        this.panels = panels;
        this.access = access;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/programmes/{id}/panel")
    String panel(@PathVariable UUID id, @RequestParam(defaultValue = "") String q, Model model) {
        Programme programme = access.visible(id);
        if (!access.seesPanel(id)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "The panel's contact details are for the programme's facilitators and managers");
        }
        model.addAttribute("programme", programme);
        model.addAttribute("members", panels.members(id));
        model.addAttribute("incentives", panels.incentives(id));
        model.addAttribute("kinds", ConsentKind.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("runs", access.runs());
        model.addAttribute("q", q);
        model.addAttribute("found", access.runs() ? directory.search(q, scopes.current(), 20) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedMultiValueMap<String, String>());
        }
        return "programme/panel";
    }

    @PostMapping("/programmes/{id}/panel")
    String add(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            String customerId = form.getFirst("customerId");
            if (customerId != null
                    && !customerId.isBlank()
                    && directory.find(customerId.strip(), scopes.current()).isEmpty()) {
                throw new IllegalArgumentException("Customer " + customerId.strip()
                        + " is not in the customer directory you can see; add them as a contact without a customer id");
            }
            List<ConsentKind> consents = new ArrayList<>();
            for (String kind : form.getOrDefault("consents", List.of())) {
                consents.add(ConsentKind.of(kind));
            }
            panels.add(
                    id,
                    customerId,
                    form.getFirst("name"),
                    form.getFirst("email"),
                    form.getFirst("organisation"),
                    form.getFirst("availability"),
                    consents,
                    access.actor());
            return "redirect:/programmes/" + id + "/panel?done=added";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    @PostMapping("/programmes/{id}/panel/{memberId}/consents")
    String grant(
            @PathVariable UUID id,
            @PathVariable UUID memberId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            onPanel(id, memberId);
            panels.grant(
                    memberId,
                    ConsentKind.of(form.getFirst("kind")),
                    Forms.date(form.getFirst("on"), "The date of the consent", LocalDate.now(clock)),
                    access.actor());
            return "redirect:/programmes/" + id + "/panel?done=consent";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    @PostMapping("/programmes/{id}/panel/{memberId}/consents/{kind}/revoke")
    String revoke(
            @PathVariable UUID id,
            @PathVariable UUID memberId,
            @PathVariable String kind,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            onPanel(id, memberId);
            panels.revoke(memberId, ConsentKind.of(kind), access.actor());
            return "redirect:/programmes/" + id + "/panel?done=revoked";
        } catch (IllegalArgumentException e) {
            return refused(id, e, new LinkedMultiValueMap<>(), model, response);
        }
    }

    @PostMapping("/programmes/{id}/panel/{memberId}/incentives")
    String promise(
            @PathVariable UUID id,
            @PathVariable UUID memberId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        access.run(id);
        try {
            onPanel(id, memberId);
            panels.promise(
                    memberId,
                    Forms.optionalId(form.getFirst("session"), "The session"),
                    form.getFirst("description"),
                    Forms.amount(form.getFirst("amount"), "The amount"),
                    form.getFirst("currency"),
                    access.actor());
            return "redirect:/programmes/" + id + "/panel?done=incentive";
        } catch (IllegalArgumentException e) {
            return refused(id, e, form, model, response);
        }
    }

    @PostMapping("/programmes/{id}/incentives/{incentiveId}/given")
    String given(@PathVariable UUID id, @PathVariable UUID incentiveId, Model model, HttpServletResponse response) {
        access.run(id);
        try {
            boolean ours = panels.incentives(id).values().stream()
                    .flatMap(List::stream)
                    .anyMatch(incentive -> incentive.id().equals(incentiveId));
            if (!ours) {
                throw new IllegalArgumentException("There is no such incentive on this programme's panel");
            }
            panels.give(incentiveId, access.actor());
            return "redirect:/programmes/" + id + "/panel?done=given";
        } catch (IllegalArgumentException e) {
            return refused(id, e, new LinkedMultiValueMap<>(), model, response);
        }
    }

    private void onPanel(UUID id, UUID memberId) {
        if (panels.find(memberId).filter(m -> m.programmeId().equals(id)).isEmpty()) {
            throw new IllegalArgumentException("There is no such customer on this programme's panel");
        }
    }

    private String refused(
            UUID id,
            RuntimeException e,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("form", form);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return panel(id, "", model);
    }
}
