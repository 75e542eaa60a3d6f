package io.earshot.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a CSV of synthetic signals for the benchmark, streaming, in constant memory: 12 columns named like the signal
 * fields, survey-like scores (NPS always, CSAT and CES sometimes), 18 months of dates and a short text. Same seed, same
 * file.
 */
final class BenchFile {

    static final String HEADER =
            "external_id,customer_id,occurred_at,region,segment,product,channel,journey_stage,nps,csat,ces,text\n";
    private static final String[] REGIONS = {"North", "South", "East", "West", "Scotland"};
    private static final String[] SEGMENTS = {"retail", "retail", "retail", "premier", "small business"};
    private static final String[] PRODUCTS = {
        "current account", "credit card", "savings", "mortgage", "business account"
    };
    private static final String[] CHANNELS = {"app", "app", "web", "phone", "branch"};
    private static final String[] STAGES = {"onboarding", "payments", "card", "cash", "top-up", "support"};
    private static final String[] TEXTS = {
        "I am still waiting on my card",
        "My card payment was declined at the shop",
        "The app is quick and easy to use",
        "Why was I charged a fee for my transfer?",
        "Top up worked straight away",
        "The ATM kept my card",
        "I don't recognise a payment on my statement",
        "Great service on the phone today",
        "My transfer has not arrived yet",
        "How do I change my PIN?",
        "I was charged twice for the same purchase",
        "Opening the account took five minutes",
        "The exchange rate was worse than expected",
        "Thanks for sorting out my refund so fast",
        "I can't verify my identity in the app",
        "Contactless stopped working on my card"
    };
    private static final int DAYS = 548;

    private BenchFile() {}

    /** Writes {@code rows} signals ending on {@code lastDay} to {@code file} and returns its size in bytes. */
    static long write(Path file, long rows, LocalDate lastDay) {
        String[] days = new String[DAYS];
        for (int i = 0; i < DAYS; i++) {
            days[i] = lastDay.minusDays(DAYS - 1 - i) + "T";
        }
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder row = new StringBuilder(256);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            out.write(HEADER);
            for (long i = 1; i <= rows; i++) {
                row.setLength(0);
                row.append("B").append(i).append(',');
                row.append('C').append(1 + random.nextInt(1_000_000)).append(',');
                row.append(days[random.nextInt(DAYS)]);
                twoDigits(row, random.nextInt(24)).append(':');
                twoDigits(row, random.nextInt(60)).append(':');
                twoDigits(row, random.nextInt(60)).append("Z,");
                row.append(REGIONS[random.nextInt(REGIONS.length)]).append(',');
                row.append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append(',');
                row.append(PRODUCTS[random.nextInt(PRODUCTS.length)]).append(',');
                row.append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',');
                row.append(STAGES[random.nextInt(STAGES.length)]).append(',');
                row.append(random.nextInt(11)).append(',');
                if (random.nextInt(2) == 0) {
                    row.append(1 + random.nextInt(5));
                }
                row.append(',');
                if (random.nextInt(5) < 2) {
                    row.append(1 + random.nextInt(7));
                }
                row.append(',').append(TEXTS[random.nextInt(TEXTS.length)]).append('\n');
                out.append(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark file " + file, e);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder twoDigits(StringBuilder row, int value) {
        return row.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
