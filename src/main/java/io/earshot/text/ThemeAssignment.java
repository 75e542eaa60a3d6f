package io.earshot.text;

import io.earshot.signal.CustomerErased;
import io.earshot.signal.SignalsDeleted;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives signals that were not clustered a theme: those arriving after a discovery (on {@link TextsEmbedded}) and those
 * older than a discovery's selection. A signal joins the theme of the nearest centroid among the active and the deleted
 * themes when its cosine is at least {@code earshot.text.themes.assign-similarity}; nearest to a deleted theme, or not
 * near enough to any, it stays without a theme. Drops the themes of signals that are gone.
 */
@Component
class ThemeAssignment {

    private static final int IDS_PER_QUERY = 1_000;

    private final JdbcTemplate jdbc;
    private final StoredThemes themes;
    private final ApplicationEventPublisher events;
    private final double threshold;

    ThemeAssignment(
            JdbcTemplate jdbc,
            StoredThemes themes,
            ApplicationEventPublisher events,
            @Value("${earshot.text.themes.assign-similarity:0.75}") double threshold) {
        this.jdbc = jdbc;
        this.themes = themes;
        this.events = events;
        this.threshold = threshold;
    }

    /** The least cosine between a signal's vector and a theme's centroid for the signal to join it. */
    double threshold() {
        return threshold;
    }

    /** Assigns the signals just embedded, when there are themes; tells listeners which got one. */
    @EventListener
    void on(TextsEmbedded embedded) {
        List<UUID> assigned = assign(embedded.signalIds());
        if (!assigned.isEmpty()) {
            events.publishEvent(ThemesChanged.of(assigned));
        }
    }

    /** Assigns those of these signals that have a vector and no theme yet; returns the ones that got a theme. */
    List<UUID> assign(List<UUID> signalIds) {
        if (signalIds.isEmpty() || themes.isEmpty()) {
            return List.of();
        }
        List<UUID> assigned = new ArrayList<>();
        for (int from = 0; from < signalIds.size(); from += IDS_PER_QUERY) {
            List<UUID> part = signalIds.subList(from, Math.min(signalIds.size(), from + IDS_PER_QUERY));
            String marks = String.join(",", part.stream().map(id -> "?").toList());
            themes.change(() -> assignNearest("s.id IN (" + marks + ")", List.copyOf(part)));
            List<Object> parameters = new ArrayList<>(part);
            assigned.addAll(jdbc.queryForList(
                    "SELECT signal_id FROM signal_theme WHERE signal_id IN (" + marks + ")",
                    UUID.class,
                    parameters.toArray()));
        }
        return assigned;
    }

    /**
     * Assigns the signals matching {@code condition} (over {@code signal s}) that have a vector and no theme; to be
     * called inside {@link StoredThemes#change}. Returns how many got a theme.
     */
    int assignNearest(String condition, List<?> parameters) {
        return assignNearest(condition, parameters, null);
    }

    /**
     * Assigns the signals that have a vector, no theme, and theme {@code id} for the nearest of the active and deleted
     * themes, near enough; to be called inside {@link StoredThemes#change}. Returns how many joined it.
     */
    int assignNearestTo(int id) {
        return assignNearest("TRUE", List.of(), id);
    }

    private int assignNearest(String condition, List<?> parameters, Integer only) {
        List<Object> all = new ArrayList<>();
        all.add(Embedder.MODEL);
        all.addAll(parameters);
        all.add(threshold);
        if (only != null) {
            all.add(only);
        }
        return jdbc.update(
                "INSERT INTO signal_theme (signal_id, theme_id, similarity)"
                        + " SELECT n.signal_id, n.theme_id, n.similarity FROM ("
                        + "   SELECT e.signal_id,"
                        + "     arg_max(t.id, array_cosine_similarity(e.vector, t.centroid)) AS theme_id,"
                        + "     max(array_cosine_similarity(e.vector, t.centroid)) AS similarity"
                        + "   FROM signal_embedding e JOIN signal s ON s.id = e.signal_id CROSS JOIN theme t"
                        + "   WHERE e.model = ? AND t.status IN ('active', 'deleted') AND t.centroid IS NOT NULL"
                        + "     AND NOT EXISTS (SELECT 1 FROM signal_theme st WHERE st.signal_id = e.signal_id)"
                        + "     AND (" + condition + ")"
                        + "   GROUP BY e.signal_id) n"
                        + " JOIN theme chosen ON chosen.id = n.theme_id"
                        + " WHERE chosen.status = 'active' AND n.similarity >= ?"
                        + (only == null ? "" : " AND chosen.id = ?"),
                all.toArray());
    }

    /** Drops the themes of signals that are gone (retention, erasure): derived rows must not outlive their signal. */
    @EventListener({SignalsDeleted.class, CustomerErased.class})
    long dropOrphans() {
        return themes.change(() -> (long) jdbc.update(
                "DELETE FROM signal_theme WHERE NOT EXISTS (SELECT 1 FROM signal s WHERE s.id = signal_id)"));
    }
}
