package io.earshot.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What makes a signal a "pissed-off customer" (POC): a detractor score up to {@code npsMax}, a CSAT up to
 * {@code csatMax}, or a source that is itself a complaint or escalation. Configurable under {@code earshot.poc}; the
 * definition in force is shown wherever a POC number is ({@link #describe()}).
 *
 * @param npsMax NPS scores from 0 up to this count, or -1 to ignore NPS
 * @param csatMax CSAT scores from 1 up to this count, or 0 to ignore CSAT
 * @param sources sources whose every signal counts (e.g. {@code complaint}, {@code escalation})
 */
@ConfigurationProperties("earshot.poc")
public record PocDefinition(
        @DefaultValue("3") int npsMax,
        @DefaultValue("1") int csatMax,
        @DefaultValue({"complaint", "escalation"}) List<String> sources) {

    public PocDefinition {
        if (npsMax < -1 || npsMax > 10) {
            throw new IllegalArgumentException("earshot.poc.nps-max must be between -1 and 10, not " + npsMax);
        }
        if (csatMax < 0 || csatMax > 5) {
            throw new IllegalArgumentException("earshot.poc.csat-max must be between 0 and 5, not " + csatMax);
        }
        sources = sources == null
                ? List.of()
                : sources.stream()
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> s.matches("[a-z0-9_\\-]+"))
                        .toList();
    }

    /** The SQL condition over the {@code signal} table that is true for a POC signal. */
    public String sql() {
        List<String> parts = new ArrayList<>();
        if (npsMax >= 0) {
            parts.add("nps <= " + npsMax);
        }
        if (csatMax >= 1) {
            parts.add("csat <= " + csatMax);
        }
        if (!sources.isEmpty()) {
            parts.add("source IN ("
                    + String.join(", ", sources.stream().map(s -> "'" + s + "'").toList()) + ")");
        }
        return parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")";
    }

    /** The definition in words, shown beside every POC figure. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (npsMax >= 0) {
            parts.add("NPS 0–" + npsMax);
        }
        if (csatMax >= 1) {
            parts.add(csatMax == 1 ? "CSAT 1" : "CSAT 1–" + csatMax);
        }
        if (!sources.isEmpty()) {
            parts.add("any " + String.join(" or ", sources) + " signal");
        }
        return parts.isEmpty() ? "no rule configured" : String.join(", or ", parts);
    }
}
