package io.earshot.signal;

/** The score scales Earshot accepts: NPS 0–10, CSAT 1–5, CES 1–7. */
public final class Scores {
    public static final int NPS_MIN = 0, NPS_MAX = 10;
    public static final int CSAT_MIN = 1, CSAT_MAX = 5;
    public static final int CES_MIN = 1, CES_MAX = 7;

    private Scores() {}
}
