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

/**
 * The administrator's page for API tokens: the list with last use, creating one (its text shown once, on the answer to
 * the form) and revoking one after a confirmation step.
 */
@Controller
@RequestMapping("/admin/tokens")
class TokenPages {

    private final ApiTokens tokens;
    private final Units units;

    TokenPages(ApiTokens tokens, Units units) {
        this.tokens = tokens;
        this.units = units;
    }

    /** A line of the list: the token with its scopes and units in words. */
    record Row(ApiToken token, String scopes, String units) {}

    @GetMapping
    String list(Model model) {
        return list(model, "", Set.of(), Set.of(), null);
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) List<String> units,
            Model model) {
        Set<String> chosenUnits = AdminForms.units(units);
        Set<TokenScope> chosenScopes = Set.of();
        try {
            chosenScopes = AdminForms.scopes(scopes);
            ApiTokens.Created created = tokens.create(name, chosenScopes, chosenUnits);
            model.addAttribute("token", row(created.token(), this.units.all()));
            model.addAttribute("text", created.text());
            return "access/admin/token-created";
        } catch (IllegalArgumentException e) {
            return list(model, name, chosenScopes, chosenUnits, e.getMessage());
        }
    }

    @GetMapping("/{id}/revoke")
    String confirmRevoke(@PathVariable UUID id, Model model) {
        model.addAttribute("token", row(token(id), units.all()));
        return "access/admin/token-revoke";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        ApiToken token = token(id);
        tokens.revoke(id);
        redirect.addFlashAttribute(
                "notice", "The token " + token.name() + " is revoked: requests that send it are refused from now on.");
        return "redirect:/admin/tokens";
    }

    private String list(Model model, String name, Set<TokenScope> scopes, Set<String> unitIds, String error) {
        List<BusinessUnit> tree = units.all();
        model.addAttribute(
                "tokens", tokens.all().stream().map(token -> row(token, tree)).toList());
        model.addAttribute("name", name);
        model.addAttribute("scopes", TokenScope.values());
        model.addAttribute("chosenScopes", scopes);
        model.addAttribute("chosenUnits", unitIds);
        model.addAttribute("unitChoices", AdminForms.unitChoices(tree));
        model.addAttribute("error", error);
        return "access/admin/tokens";
    }

    private static Row row(ApiToken token, List<BusinessUnit> tree) {
        return new Row(
                token,
                String.join(
                        ", ",
                        token.scopes().stream()
                                .sorted()
                                .map(scope -> scope.name().toLowerCase(java.util.Locale.ROOT))
                                .toList()),
                AdminForms.namesOf(token.units(), tree));
    }

    private ApiToken token(UUID id) {
        return tokens.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no token " + id + "."));
    }
}
