package io.earshot.access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's start page: what can be managed, with a count for each. */
@Controller
class AdminPage {

    private final Users users;
    private final Units units;
    private final ApiTokens tokens;
    private final Audit audit;

    AdminPage(Users users, Units units, ApiTokens tokens, Audit audit) {
        this.users = users;
        this.units = units;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String index(Model model) {
        model.addAttribute("users", users.count());
        model.addAttribute("units", units.all().size());
        model.addAttribute(
                "tokens",
                tokens.all().stream().filter(token -> !token.revoked()).count());
        model.addAttribute("entries", audit.count(null, null));
        return "access/admin/index";
    }
}
