package io.earshot.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.earshot.text.Embedder;
import io.earshot.text.SentimentClassifier;
import io.earshot.text.SentimentScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * The real texts of the search benchmark: the banking77 and CFPB texts shipped for the demo company, shuffled with a
 * fixed seed and split into the texts signals get (each embedded once, with its sentiment) and held-out texts whose
 * words make the queries.
 *
 * @param texts the distinct texts signals are given
 * @param themes each text's banking77 intent (its theme in the benchmark store), or {@code null} for a CFPB narrative
 * @param vectors each text's vector, embedded once
 * @param sentiments each text's sentiment, read from its vector
 * @param queries the queries: up to three distinct words of a held-out text
 */
record SearchCorpus(
        List<String> texts,
        List<String> themes,
        List<float[]> vectors,
        List<SentimentScore> sentiments,
        List<String> queries) {

    private static final Set<String> COMMON = Set.of(
            "what", "when", "where", "which", "have", "this", "that", "with", "from", "they", "been", "does", "your",
            "will", "would", "could", "there", "their", "about", "into", "just", "than", "then", "them", "some",
            "should", "were", "also", "because", "after", "before", "these", "those", "here", "very", "still", "only",
            "like");

    /**
     * Reads the shipped texts, holds {@code queries} of them out, and embeds the rest on every core, or reads their
     * vectors from {@code cache} when it holds those of the same texts (written after embedding).
     */
    static SearchCorpus load(int queries, long seed, java.nio.file.Path cache) {
        Map<String, String> all = new LinkedHashMap<>();
        read("demo/banking77.csv", "text", "category", all);
        read("demo/cfpb-narratives.csv", "narrative", null, all);
        List<String> shuffled = new ArrayList<>(all.keySet());
        Collections.shuffle(shuffled, new Random(seed));
        List<String> held = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String text : shuffled) {
            String words = held.size() < queries ? words(text) : "";
            if (!words.isEmpty()) {
                held.add(words);
            } else {
                texts.add(text);
            }
        }
        List<float[]> vectors = cached(cache, texts);
        if (vectors == null) {
            vectors = embed(texts);
            write(cache, texts, vectors);
        }
        SentimentClassifier classifier = SentimentClassifier.shipped();
        List<SentimentScore> sentiments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            sentiments.add(classifier.classifyEmbedding(vectors.get(i)));
        }
        return new SearchCorpus(texts, texts.stream().map(all::get).toList(), vectors, sentiments, held);
    }

    /** Up to three distinct words of four letters or more of {@code text}, leaving out the most common. */
    static String words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 4 && !COMMON.contains(word) && words.size() < 3) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    private static void read(String resource, String textColumn, String themeColumn, Map<String, String> into) {
        try (InputStream in = SearchCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The benchmark texts " + resource + " are not on the class path");
            }
            for (NamedCsvRecord row :
                    CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String text = row.getField(textColumn).strip();
                if (!text.isEmpty()) {
                    into.putIfAbsent(text, themeColumn == null ? null : row.getField(themeColumn));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The vectors {@code cache} holds for exactly {@code texts}, or {@code null}. */
    private static List<float[]> cached(java.nio.file.Path cache, List<String> texts) {
        if (!java.nio.file.Files.isRegularFile(cache)) {
            return null;
        }
        try (var in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(cache)))) {
            if (!in.readUTF().equals(Embedder.MODEL) || in.readInt() != texts.size()) {
                return null;
            }
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (String text : texts) {
                if (!in.readUTF().equals(text.length() > 20_000 ? text.substring(0, 20_000) : text)) {
                    return null;
                }
                float[] vector = new float[Embedder.DIMENSIONS];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.add(vector);
            }
            return vectors;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(java.nio.file.Path cache, List<String> texts, List<float[]> vectors) {
        try (var out = new java.io.DataOutputStream(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(cache)))) {
            out.writeUTF(Embedder.MODEL);
            out.writeInt(texts.size());
            for (int t = 0; t < texts.size(); t++) {
                String text = texts.get(t);
                out.writeUTF(text.length() > 20_000 ? text.substring(0, 20_000) : text);
                for (float value : vectors.get(t)) {
                    out.writeFloat(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark's vector cache " + cache, e);
        }
    }

    private static List<float[]> embed(List<String> texts) {
        // load the model on this thread: pool threads lack the class loader that reads it from the executable jar
        Embedder embedder = Embedder.shared();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return pool.submit(() -> texts.parallelStream().map(embedder::embed).toList())
                    .join();
        } finally {
            pool.shutdown();
        }
    }
}
