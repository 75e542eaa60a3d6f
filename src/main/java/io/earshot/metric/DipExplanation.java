package io.earshot.metric;

import java.util.Objects;

/**
 * One group's share of a dip as a {@link DipExplainer} found it: its mix and rate contribution, the name a reader
 * knows it by, and where its verbatims are.
 *
 * @param driver the contribution, computed by {@link DipDriver#shiftShare}
 * @param label what pages show, e.g. a theme's name
 * @param href the page listing the group's signals in the dip's month, or {@code null} when there is none
 */
public record DipExplanation(DipDriver driver, String label, String href) {

    public DipExplanation {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(label, "label");
    }
}
