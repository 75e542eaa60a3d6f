package io.earshot.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GoEmotions split (TSV: text, comma-separated emotion ids, comment id) and maps each row to a sentiment with
 * the dataset's {@code sentiment_mapping.json} ({@code neutral} → neutral). A row is kept only if all its labels fall
 * in the same one of {negative, neutral, positive}; rows with an ambiguous emotion (surprise, curiosity, confusion,
 * realization) or with labels in two groups are left out of training, tuning and evaluation alike.
 */
final class GoEmotions {

    /** A row kept for sentiment: its line number in the file (0-based), text and sentiment. */
    record Row(int line, String text, Sentiment sentiment) {}

    /** A row with its emotions: its line number in the file (0-based), text and label ids (into emotions.txt). */
    record Labelled(int line, String text, int[] emotions) {}

    private GoEmotions() {}

    /** The emotion names of {@code directory}'s {@code emotions.txt}, in label-id order. */
    static List<String> emotionNames(Path directory) {
        try {
            return Files.readAllLines(directory.resolve("emotions.txt"), StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GoEmotions emotion names from " + directory, e);
        }
    }

    /** Every row of {@code split} with all its emotion labels (GoEmotions is multi-label). */
    static List<Labelled> readEmotions(Path directory, String split) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve(split + ".tsv"), StandardCharsets.UTF_8);
            List<Labelled> rows = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                int[] labels = java.util.Arrays.stream(fields[fields.length - 2].split(","))
                        .map(String::trim)
                        .mapToInt(Integer::parseInt)
                        .toArray();
                rows.add(new Labelled(i, text(lines.get(i)), labels));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GoEmotions " + split + " from " + directory, e);
        }
    }

    /** The kept rows of {@code split} ({@code train}, {@code dev} or {@code test}) in {@code directory}. */
    static List<Row> read(Path directory, String split) {
        try {
            List<String> emotions = Files.readAllLines(directory.resolve("emotions.txt"), StandardCharsets.UTF_8);
            Map<String, Sentiment> groups = groups(Files.readString(directory.resolve("sentiment_mapping.json")));
            List<String> lines = Files.readAllLines(directory.resolve(split + ".tsv"), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                Sentiment sentiment = sentiment(fields[1], emotions, groups);
                if (sentiment != null) {
                    rows.add(new Row(i, text(lines.get(i)), sentiment));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GoEmotions " + split + " from " + directory, e);
        }
    }

    /** The one sentiment all labels share, or null if a label is ambiguous or the labels disagree. */
    private static Sentiment sentiment(String labels, List<String> emotions, Map<String, Sentiment> groups) {
        Sentiment shared = null;
        for (String id : labels.split(",")) {
            Sentiment group =
                    groups.get(emotions.get(Integer.parseInt(id.trim())).trim());
            if (group == null || (shared != null && shared != group)) {
                return null;
            }
            shared = group;
        }
        return shared;
    }

    /** Emotion name → sentiment from the mapping file; ambiguous emotions are absent. */
    /**
     * The sentiment of each emotion name in a {@code sentiment_mapping.json} ({@code neutral} → neutral); the ambiguous
     * emotions have none.
     */
    static Map<String, Sentiment> groups(String json) {
        Map<String, Sentiment> groups = new HashMap<>();
        groups.put("neutral", Sentiment.NEUTRAL);
        Matcher group =
                Pattern.compile("\"(positive|negative)\"\\s*:\\s*\\[([^]]*)]").matcher(json);
        while (group.find()) {
            Sentiment sentiment = Sentiment.valueOf(group.group(1).toUpperCase(java.util.Locale.ROOT));
            Matcher name = Pattern.compile("\"([a-z]+)\"").matcher(group.group(2));
            while (name.find()) {
                groups.put(name.group(1), sentiment);
            }
        }
        return groups;
    }

    /** The comment text of a line; pandas wrote fields containing {@code "} CSV-quoted. */
    static String text(String line) {
        String text = line.substring(0, line.indexOf('\t'));
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
