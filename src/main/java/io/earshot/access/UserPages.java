package io.earshot.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrator's pages for people: the list of users, inviting one, changing roles and units, deactivating and
 * reactivating, and resetting sign-in. A one-time link is shown once, on the answer to the form that made it, and kept
 * nowhere but as a hash.
 */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    static final int PAGE_SIZE = 50;

    private final Users users;
    private final Units units;

    UserPages(Users users, Units units) {
        this.users = users;
        this.units = units;
    }

    /** A line of the list: the user with their roles and units in words. */
    record Row(User user, String roles, String units) {}

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        List<User> all = users.all();
        List<BusinessUnit> tree = units.all();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 0, pages - 1);
        model.addAttribute(
                "users",
                all.subList(current * PAGE_SIZE, Math.min(all.size(), (current + 1) * PAGE_SIZE)).stream()
                        .map(user -> new Row(
                                user, AdminForms.labelsOf(user.roles()), AdminForms.namesOf(user.units(), tree)))
                        .toList());
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "access/admin/users";
    }

    @GetMapping("/invite")
    String inviteForm(Model model) {
        return inviteForm(model, "", "", Set.of(), Set.of(), null);
    }

    @PostMapping("/invite")
    String invite(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) List<String> units,
            Model model) {
        Set<String> chosenUnits = AdminForms.units(units);
        Set<Role> chosenRoles;
        try {
            chosenRoles = AdminForms.roles(roles);
        } catch (IllegalArgumentException e) {
            return inviteForm(model, email, name, Set.of(), chosenUnits, e.getMessage());
        }
        try {
            String token = users.invite(email, name, chosenRoles, chosenUnits);
            User user = users.find(email).orElseThrow();
            return link(model, user, token, "invited");
        } catch (IllegalArgumentException e) {
            return inviteForm(model, email, name, chosenRoles, chosenUnits, e.getMessage());
        }
    }

    private String inviteForm(
            Model model, String email, String name, Set<Role> roles, Set<String> unitIds, String error) {
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("chosenRoles", roles);
        model.addAttribute("chosenUnits", unitIds);
        model.addAttribute("error", error);
        model.addAttribute("roles", Role.values());
        model.addAttribute("unitChoices", AdminForms.unitChoices(units.all()));
        return "access/admin/invite";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        User user = user(id);
        return edit(model, user, user.roles(), user.units(), null, null);
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) List<String> units,
            Model model,
            RedirectAttributes redirect) {
        User user = user(id);
        Set<String> chosenUnits = AdminForms.units(units);
        Set<Role> chosenRoles = Set.of();
        try {
            chosenRoles = AdminForms.roles(roles);
            users.setRolesAndUnits(id, chosenRoles, chosenUnits);
        } catch (IllegalArgumentException e) {
            return edit(model, user, chosenRoles, chosenUnits, e.getMessage(), null);
        }
        redirect.addFlashAttribute(
                "notice", "Saved. " + user.email() + "'s new roles and units apply from their next request.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, Model model, RedirectAttributes redirect) {
        User user = user(id);
        try {
            users.setActive(id, active);
        } catch (IllegalArgumentException e) {
            return edit(model, user, user.roles(), user.units(), null, e.getMessage());
        }
        redirect.addFlashAttribute(
                "notice",
                active
                        ? user.email() + " is active again and can sign in."
                        : user.email() + " is deactivated: they cannot sign in, their open sessions end, and their"
                                + " history stays.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset")
    String resetSignIn(@PathVariable UUID id, Model model) {
        User user = user(id);
        String token = users.resetSignIn(id);
        return link(model, users.find(id).orElse(user), token, "reset");
    }

    private String edit(
            Model model, User user, Set<Role> roles, Set<String> unitIds, String error, String activeError) {
        model.addAttribute("user", user);
        model.addAttribute("chosenRoles", roles);
        model.addAttribute("chosenUnits", unitIds);
        model.addAttribute("error", error);
        model.addAttribute("activeError", activeError);
        model.addAttribute("roles", Role.values());
        model.addAttribute("unitChoices", AdminForms.unitChoices(units.all()));
        return "access/admin/user";
    }

    /** The page that shows a one-time link, the only time it is shown. */
    private static String link(Model model, User user, String token, String purpose) {
        model.addAttribute("user", user);
        model.addAttribute("purpose", purpose);
        model.addAttribute(
                "link",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/welcome")
                        .queryParam("token", token)
                        .build()
                        .toUriString());
        return "access/admin/link";
    }

    private User user(UUID id) {
        return users.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no user " + id + "."));
    }
}
