package io.earshot.text;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Adds a sentiment to every row of a CSV file: the input rows, in order, plus {@code sentiment} (negative, neutral or
 * positive), {@code sentiment_score} (P(positive) − P(negative), in [−1, 1]) and {@code emotions} (up to three
 * GoEmotions emotions, {@code ;}-separated, from the same embedding). Streams the file, so tens of
 * thousands of rows need little memory; needs no store.
 */
@Command(
        name = "sentiment",
        mixinStandardHelpOptions = true,
        description = "Add sentiment, sentiment_score and emotions columns to a CSV file (no store needed).",
        footer = {
            "",
            "sentiment: negative, neutral or positive, the most probable class (a text over 2,000 characters: the",
            "  length-weighted mean of its sentences' probabilities).",
            "sentiment_score: P(positive) - P(negative), from -1 (surely negative) to +1 (surely positive).",
            "emotions: up to 3 GoEmotions emotions (e.g. gratitude;admiration), most probable first, read from the",
            "  same embedding (a text over 2,000 characters: from its first 2,000).",
            "Empty texts are neutral with score 0 and no emotion."
        })
public class SentimentCommand implements Callable<Integer> {

    /** Rows classified together, in parallel, before they are written in order. */
    private static final int CHUNK = 256;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The CSV file to read.")
    Path input;

    @Option(names = "--text-column", required = true, paramLabel = "NAME", description = "The column with the text.")
    String textColumn;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "The CSV file to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(input)) {
            System.err.println("Cannot read " + input + ": no such readable file.");
            return CommandLine.ExitCode.USAGE;
        }
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .detectBomHeader(true)
                        .ofCsvRecord(input, StandardCharsets.UTF_8);
                CsvWriter out =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(output, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                System.err.println(input + " is empty: expected a header row naming the column '" + textColumn + "'.");
                return CommandLine.ExitCode.USAGE;
            }
            List<String> header = records.next().getFields();
            int column = column(header);
            if (column < 0) {
                System.err.println("The column '" + textColumn + "' is not in " + input + ". Columns found: "
                        + String.join(", ", header) + ".");
                return CommandLine.ExitCode.USAGE;
            }
            List<String> outHeader = new ArrayList<>(header);
            outHeader.addAll(List.of("sentiment", "sentiment_score", "emotions"));
            out.writeRecord(outHeader);
            SentimentClassifier classifier = SentimentClassifier.shipped();
            long started = System.nanoTime();
            int rows = 0;
            List<List<String>> chunk = new ArrayList<>(CHUNK);
            while (records.hasNext()) {
                chunk.add(records.next().getFields());
                if (chunk.size() == CHUNK || !records.hasNext()) {
                    write(out, chunk, classify(classifier, chunk, column), header.size());
                    rows += chunk.size();
                    chunk.clear();
                    progress(rows, started);
                }
            }
            System.err.printf(Locale.ROOT, "Wrote %,d rows to %s.%n", rows, output);
        } catch (UncheckedIOException e) {
            System.err.println("Cannot read " + input + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        return CommandLine.ExitCode.OK;
    }

    /** The text column's index: an exact match, else one that matches ignoring case and outer spaces; -1 if none. */
    private int column(List<String> header) {
        int exact = header.indexOf(textColumn);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(textColumn.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** A row's sentiment and emotions. */
    private record Read(SentimentScore sentiment, List<EmotionScore> emotions) {}

    private static List<Read> classify(SentimentClassifier classifier, List<List<String>> rows, int column) {
        EmotionClassifier emotions = EmotionClassifier.shipped();
        return IntStream.range(0, rows.size())
                .parallel()
                .mapToObj(i -> read(
                        classifier,
                        emotions,
                        column < rows.get(i).size() ? rows.get(i).get(column) : ""))
                .toList();
    }

    /** Embeds a text once for its sentiment and its emotions (a text too long for one embedding: by sentences). */
    private static Read read(SentimentClassifier classifier, EmotionClassifier emotions, String text) {
        if (text == null || text.isBlank()) {
            return new Read(classifier.classify(text), List.of());
        }
        String stripped = text.strip();
        if (stripped.length() > Embedder.MAX_CHARS) {
            return new Read(classifier.classify(text), emotions.classify(stripped));
        }
        float[] vector = Embedder.shared().embed(stripped);
        return new Read(classifier.classifyEmbedding(vector), emotions.classifyEmbedding(vector));
    }

    /** Writes the rows, a short row padded with empty fields so that the new columns stay under their header. */
    private static void write(CsvWriter out, List<List<String>> rows, List<Read> scores, int columns) {
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = new ArrayList<>(rows.get(i));
            while (fields.size() < columns) {
                fields.add("");
            }
            SentimentScore sentiment = scores.get(i).sentiment();
            fields.add(sentiment.sentiment().label());
            fields.add(String.format(Locale.ROOT, "%.4f", sentiment.score()));
            fields.add(String.join(
                    ";",
                    scores.get(i).emotions().stream().map(EmotionScore::emotion).toList()));
            out.writeRecord(fields);
        }
    }

    private static void progress(int rows, long started) {
        if (rows % (CHUNK * 8) == 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf(Locale.ROOT, "%,d rows (%.0f rows/s)%n", rows, rows / Math.max(seconds, 1e-3));
        }
    }
}
