package io.earshot.demo;

import java.time.YearMonth;
import java.util.Set;

/**
 * The dip planted in the demo company, so that dip detection and root-cause analyses can be checked against a known
 * answer. In the month {@value #MONTHS_BEFORE_END} months before the last month of the demo data, customers in region
 * {@value #REGION} hit a fault of the card terminals and cash machines there: a share ({@link #INTENT_SHARE}) of that
 * region's signals that month is about one of {@link #INTENTS}, and every signal of the region that month is scored
 * lower ({@link #MOOD_SHIFT}). The region's NPS that month drops by about 40 points (from about +27 to about -13 with the fixed seed) against the months before it,
 * significant at p &lt; 0.01 on that month's responses alone. Nothing else is planted: every other region and month
 * follows the same slow upward trend.
 *
 * @param region the region of the dip
 * @param month the calendar month of the dip
 * @param intents the banking77 intents whose share rises in that region and month
 */
public record PlantedDip(String region, YearMonth month, Set<String> intents) {

    /** The region of the dip. */
    public static final String REGION = "North";

    /** How many months before the last month of the data the dip happens. */
    public static final int MONTHS_BEFORE_END = 2;

    /** The intents that drive the dip: a card terminal and cash machine fault. */
    public static final Set<String> INTENTS =
            Set.of("card_not_working", "declined_card_payment", "declined_cash_withdrawal", "card_swallowed");

    /** Share of the region's signals in the dip month that are moved to one of {@link #INTENTS}. */
    public static final double INTENT_SHARE = 0.25;

    /** Shift of the latent mood of every signal of the region in the dip month (see {@code Scoring}). */
    public static final double MOOD_SHIFT = -0.25;

    public PlantedDip {
        intents = Set.copyOf(intents);
    }

    /** The dip planted in demo data whose last month is {@code lastMonth}. */
    public static PlantedDip endingIn(YearMonth lastMonth) {
        return new PlantedDip(REGION, lastMonth.minusMonths(MONTHS_BEFORE_END), INTENTS);
    }

    boolean covers(String region, YearMonth month) {
        return this.region.equals(region) && this.month.equals(month);
    }
}
