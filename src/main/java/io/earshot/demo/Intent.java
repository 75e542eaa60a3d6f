package io.earshot.demo;

/**
 * What a customer contacted the bank about (a banking77 intent, or {@link #COMPLAINT} for a CFPB narrative), how they
 * tend to feel about it, and where in their journey it happens.
 *
 * @param name the banking77 category, e.g. {@code card_arrival}
 * @param mood the latent mood it brings, from about -1.5 (angry) to 1 (pleased)
 * @param journeyStage e.g. {@code onboarding} or {@code payments}
 * @param touchpoint e.g. {@code ATM} or {@code card delivery}
 */
record Intent(String name, double mood, String journeyStage, String touchpoint) {

    static final String COMPLAINT = "complaint";
}
