package io.earshot.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does with Earshot; a user may hold several roles. */
public enum Role {
    ADMINISTRATOR("Administrator", "manages users, units, tokens, sources and the audit log; sees all data"),
    ANALYST("Analyst", "the insight / CX team: imports signals and reads everything in their units"),
    PROGRAMME_MANAGER(
            "Programme manager",
            "runs closeness programmes: cohorts, customer panel, sessions, clips, reels, workshops and events"),
    LEADER("Leader", "a decision-maker: reads metrics and verbatims of their units"),
    FACILITATOR("Facilitator", "leads customer sessions: notes, attendance, recordings and clips of their sessions"),
    FRONTLINE("Frontline employee", "reads metrics and verbatims of their team"),
    ACCOUNT_MANAGER("Account manager", "reads metrics and verbatims of their accounts"),
    VIEWER("Viewer", "reads metrics of their units, not the verbatims");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority, {@code ROLE_<NAME>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code text} (any case, {@code -} or space for {@code _}), if any. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
