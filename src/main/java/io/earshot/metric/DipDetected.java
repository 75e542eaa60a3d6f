package io.earshot.metric;

/**
 * A significant drop found in the latest complete month, published once per process for each metric and slice, for
 * modules that alert or open cases.
 */
public record DipDetected(Dip dip) {}
