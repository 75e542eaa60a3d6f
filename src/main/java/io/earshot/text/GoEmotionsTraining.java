package io.earshot.text;

import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import picocli.CommandLine.Option;

/**
 * What the commands that train a model on GoEmotions share (a picocli mixin): where the data set is, where the model
 * goes, and the vectors of each split's texts, embedded once and kept in an optional cache directory.
 */
final class GoEmotionsTraining {

    @Option(names = "--goemotions", required = true, paramLabel = "DIR", description = "The GoEmotions directory.")
    Path goemotions;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path output;

    @Option(
            names = "--embeddings-cache",
            paramLabel = "DIR",
            description = "Keep the splits' embeddings here (<split>.bin) and reuse them on the next run.")
    Path cache;

    /** The vector of every line of the split's file, by line: from the cache when it holds the whole split. */
    float[][] vectors(String split) throws IOException {
        List<String> lines = Files.readAllLines(goemotions.resolve(split + ".tsv"), StandardCharsets.UTF_8);
        float[][] all = cache == null ? null : readCache(cache.resolve(split + ".bin"), lines.size());
        if (all == null) {
            all = embed(lines.stream().map(GoEmotions::text).toList(), split);
            if (cache != null) {
                writeCache(cache.resolve(split + ".bin"), all);
            }
        }
        return all;
    }

    /** A writer of the model file, its directory created if need be. */
    BufferedWriter openOutput() throws IOException {
        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }

    private static float[][] embed(List<String> texts, String split) {
        Embedder embedder = Embedder.shared();
        float[][] vectors = new float[texts.size()][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            vectors[i] = embedder.embed(texts.get(i));
            if (done.incrementAndGet() % 2000 == 0) {
                System.err.println("Embedded " + done.get() + " of " + texts.size() + " " + split + " texts");
            }
        });
        return vectors;
    }

    private static float[][] readCache(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int rows = in.readInt(), dimensions = in.readInt();
            if (rows != lines || dimensions != Embedder.DIMENSIONS) {
                return null;
            }
            float[][] vectors = new float[rows][dimensions];
            for (float[] vector : vectors) {
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = in.readFloat();
                }
            }
            return vectors;
        }
    }

    private static void writeCache(Path file, float[][] vectors) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(vectors.length);
            out.writeInt(Embedder.DIMENSIONS);
            for (float[] vector : vectors) {
                for (float value : vector) {
                    out.writeFloat(value);
                }
            }
        }
    }
}
