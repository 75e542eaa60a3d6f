package io.earshot.demo;

import java.util.List;

/**
 * The demo programme's sessions: what each was about, who came and what was heard. Attendance is chosen so that the
 * leaders' exposure against two hours every six weeks differs: Lee Dersen on track, Helena Voss due soon (her hours
 * fall out of the window within days), Noor Achter overdue, Ravi Patel never came, Sofia Berg on track.
 */
final class DemoSessions {

    private DemoSessions() {}

    private static final String LEE = "leader@demo.earshot.dev";
    private static final String HELENA = "helena.voss@demo.earshot.dev";
    private static final String NOOR = "noor.achter@demo.earshot.dev";
    private static final String SOFIA = "sofia.berg@demo.earshot.dev";

    private static final String GUIDE = """
            1. Tell us about the last time you dealt with us. What happened?
            2. How did that make you feel?
            3. What would have helped?
            4. *Listen for:* hesitation, workarounds, the moment they thought of leaving.""";

    /**
     * A session that happened.
     *
     * @param customer the panel member's index
     * @param attendees the e-mails of the cohort's leaders who came
     * @param recording the demo interview recorded in it (1–3), or 0
     */
    record Past(
            String title,
            boolean executive,
            int daysAgo,
            int minutes,
            int customer,
            List<String> attendees,
            String guide,
            String notes,
            int recording) {}

    /** A session to come. */
    record Upcoming(String title, boolean executive, int daysAhead, int customer, String guide) {}

    static List<Past> past() {
        return List.of(
                new Past(
                        "Why North customers call us",
                        true,
                        75,
                        60,
                        3,
                        List.of(NOOR),
                        GUIDE,
                        "Jonas called four times about one transfer. **Nobody owned it.**",
                        0),
                new Past(
                        "Business banking in the North",
                        false,
                        50,
                        60,
                        7,
                        List.of(SOFIA),
                        GUIDE,
                        "Ben runs payroll through us; a pending transfer held up wages for two days.",
                        0),
                new Past(
                        "Fees nobody explained",
                        true,
                        40,
                        60,
                        5,
                        List.of(HELENA),
                        GUIDE,
                        "Tomasz only learned about the exchange fee from his statement. He asked us *not* to share"
                                + " clips of this talk.",
                        0),
                new Past(
                        "Cards that never arrived",
                        true,
                        30,
                        60,
                        4,
                        List.of(LEE, HELENA),
                        GUIDE,
                        "Aisha waited three weeks for a replacement card and paid a friend's bills in cash meanwhile.",
                        0),
                new Past(
                        "Cards that never came",
                        false,
                        25,
                        60,
                        6,
                        List.of(SOFIA),
                        GUIDE,
                        "Chloe ordered a card twice; neither arrived, and nobody could say where they were.",
                        0),
                new Past("A payment that failed", true, 20, 60, 2, List.of(LEE), GUIDE, """
                        Grace's card was declined at the store with money in the account, and her transfer sat
                        **pending** with no word from us.

                        - Tell customers why a payment failed
                        - Say how long *pending* lasts""", 3),
                new Past(
                        "Exchange rates and fees",
                        false,
                        15,
                        60,
                        1,
                        List.of(SOFIA),
                        GUIDE,
                        "Omar compared our rate with the market rate and felt cheated by the fee.",
                        2),
                new Past(
                        "Waiting for the new card",
                        true,
                        9,
                        60,
                        0,
                        List.of(LEE),
                        GUIDE,
                        "Maria: *\"Nobody told me why.\"* She would switch banks over this.",
                        1));
    }

    static List<Upcoming> upcoming() {
        return List.of(
                new Upcoming("Moving money abroad", true, 6, 4, GUIDE),
                new Upcoming("Small business payments", false, 11, 7, GUIDE));
    }
}
