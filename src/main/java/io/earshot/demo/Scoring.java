package io.earshot.demo;

import java.util.SplittableRandom;

/**
 * Turns a signal's latent mood (about -2 to 1.5; 0 is an ordinary, mildly content customer) into the scores a customer
 * gives, with noise: NPS 0–10, CSAT 1–5, CES 1–7.
 */
final class Scoring {

    private Scoring() {}

    static int nps(double mood, SplittableRandom random) {
        return clamp(8.5 + 2.0 * mood + 1.5 * random.nextGaussian(), 0, 10);
    }

    static int csat(double mood, SplittableRandom random) {
        return clamp(3.9 + 1.0 * mood + 0.8 * random.nextGaussian(), 1, 5);
    }

    static int ces(double mood, SplittableRandom random) {
        return clamp(5.2 + 1.2 * mood + 1.0 * random.nextGaussian(), 1, 7);
    }

    /** The latent mood shift of a segment: premier customers are a little happier, small businesses a little less. */
    static double segmentShift(String segment) {
        return switch (segment) {
            case "premier" -> 0.25;
            case "small business" -> -0.15;
            default -> 0;
        };
    }

    /** The slow improvement over the demo period: {@code progress} runs from 0 (first day) to 1 (last day). */
    static double trend(double progress) {
        return 0.3 * progress - 0.15;
    }

    private static int clamp(double value, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
