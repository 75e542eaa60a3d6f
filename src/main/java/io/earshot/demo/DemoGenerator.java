package io.earshot.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates the demo bank's signals: about 50,000 survey responses, chats, tickets and reviews from 8,000 customers over
 * the 18 calendar months up to the day before {@code today}, with real customer texts ({@link Utterances}) and scores
 * driven by what each text is about ({@link Intents}), the customer, their segment, a slow upward trend and the
 * {@link PlantedDip}.
 *
 * <p>Deterministic: the random numbers come from the fixed {@link #SEED}, so the same {@code today} gives the same
 * signals, byte for byte. The data ends yesterday so the dashboard looks live; the last month is the month of
 * yesterday (partial unless today is the 1st) and the first is 17 months before it. External ids depend only on the
 * source and the rank of the signal in time, so loading again on a later day adds nothing.
 */
final class DemoGenerator {

    static final long SEED = 20_261_122L;
    static final int CUSTOMERS = 8_000;
    static final int MONTHS = 18;
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final double[] HOUR_WEIGHTS = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 4, 4.5, 4.5, 5, 4.5, 4, 4, 4, 4.5, 5, 5, 4.5, 3.5, 2, 1
    };

    private final Utterances utterances;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final PlantedDip dip;
    private final List<String> dipIntents;

    DemoGenerator(Utterances utterances, LocalDate today) {
        this.utterances = utterances;
        this.lastDay = today.minusDays(1);
        this.firstDay = YearMonth.from(lastDay).minusMonths(MONTHS - 1).atDay(1);
        this.dip = PlantedDip.endingIn(YearMonth.from(lastDay));
        this.dipIntents = List.copyOf(new TreeSet<>(dip.intents()));
    }

    /** The last month of the data: the month of the day before {@code today}. */
    YearMonth lastMonth() {
        return YearMonth.from(lastDay);
    }

    /** The last month of data generated as of {@code today}. */
    static YearMonth lastMonth(LocalDate today) {
        return YearMonth.from(today.minusDays(1));
    }

    YearMonth firstMonth() {
        return YearMonth.from(firstDay);
    }

    PlantedDip dip() {
        return dip;
    }

    /** Every signal, source by source, each source in time order. */
    List<DemoSignal> generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        Customers customers = Customers.generate(CUSTOMERS, random);
        Days days = new Days(firstDay, lastDay);
        List<DemoSignal> signals = new ArrayList<>();
        for (DemoSource source : DemoSource.values()) {
            Instant[] times = new Instant[source.count];
            for (int i = 0; i < times.length; i++) {
                times[i] = days.pick(random)
                        .atTime(LocalTime.of(
                                Customers.pick(HOUR_WEIGHTS, random), random.nextInt(60), random.nextInt(60)))
                        .atZone(ZONE)
                        .toInstant();
            }
            Arrays.sort(times);
            for (int i = 0; i < times.length; i++) {
                String externalId = "%s-%06d".formatted(source.idPrefix, i + 1);
                signals.add(signal(source, externalId, times[i], customers.pick(random), random));
            }
        }
        return signals;
    }

    private DemoSignal signal(
            DemoSource source, String externalId, Instant occurredAt, Customer customer, SplittableRandom random) {
        LocalDate day = occurredAt.atZone(ZONE).toLocalDate();
        boolean dipped = dip.covers(customer.region(), YearMonth.from(day));
        Utterance utterance = utterance(source, dipped, random);
        Intent intent =
                utterance.intent().equals(Intent.COMPLAINT) ? Intents.complaint() : Intents.of(utterance.intent());
        double progress = (double) ChronoUnit.DAYS.between(firstDay, day) / ChronoUnit.DAYS.between(firstDay, lastDay);
        double mood = intent.mood()
                + customer.mood()
                + Scoring.segmentShift(customer.segment())
                + Scoring.trend(progress)
                + (dipped ? PlantedDip.MOOD_SHIFT : 0);
        Integer nps = null, csat = null, ces = null;
        switch (source) {
            case SURVEY -> {
                nps = Scoring.nps(mood, random);
                csat = random.nextDouble() < 0.50 ? Scoring.csat(mood, random) : null;
                ces = random.nextDouble() < 0.35 ? Scoring.ces(mood, random) : null;
            }
            case CHAT -> csat = random.nextDouble() < 0.65 ? Scoring.csat(mood, random) : null;
            case TICKET -> {
                ces = random.nextDouble() < 0.45 ? Scoring.ces(mood, random) : null;
                csat = random.nextDouble() < 0.25 ? Scoring.csat(mood, random) : null;
            }
            case REVIEW -> csat = Scoring.csat(mood, random);
        }
        return new DemoSignal(
                source.key(),
                externalId,
                customer.id(),
                customer.accountId(),
                occurredAt,
                source.channels.get(Customers.pick(source.channelWeights, random)),
                intent.touchpoint(),
                intent.journeyStage(),
                product(customer, intent, utterance, random),
                customer.region(),
                customer.segment(),
                nps,
                csat,
                ces,
                utterance.text(),
                "en",
                intent.name(),
                utterance.issue(),
                utterance.origin());
    }

    private Utterance utterance(DemoSource source, boolean dipped, SplittableRandom random) {
        if (random.nextDouble() < source.complaintShare) {
            return pickFrom(utterances.complaints(), random);
        }
        if (dipped && random.nextDouble() < PlantedDip.INTENT_SHARE) {
            return pickFrom(utterances.queries(pickFrom(dipIntents, random)), random);
        }
        return pickFrom(utterances.queries(), random);
    }

    private static String product(Customer customer, Intent intent, Utterance utterance, SplittableRandom random) {
        if (utterance.product() != null) {
            boolean business = customer.everydayAccount().equals("business account");
            return business && utterance.product().equals("current account") ? "business account" : utterance.product();
        }
        boolean hasCard = customer.products().contains("credit card");
        if (intent.journeyStage().equals("account")) {
            return pickFrom(customer.products(), random);
        }
        return hasCard && random.nextDouble() < 0.25 ? "credit card" : customer.everydayAccount();
    }

    private static <T> T pickFrom(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    /** The days of the demo period, weekdays busier than weekends and later days busier than earlier ones. */
    private static final class Days {
        private final LocalDate first;
        private final double[] cumulative;

        Days(LocalDate first, LocalDate last) {
            this.first = first;
            int count = (int) ChronoUnit.DAYS.between(first, last) + 1;
            this.cumulative = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                DayOfWeek weekday = first.plusDays(i).getDayOfWeek();
                boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
                sum += (0.75 + 0.5 * i / count) * (weekend ? 0.6 : 1.0);
                cumulative[i] = sum;
            }
        }

        LocalDate pick(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            return first.plusDays(index >= 0 ? index : Math.min(-index - 1, cumulative.length - 1));
        }
    }
}
