package io.earshot.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.earshot.text.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code earshot bench-embeddings [--texts N]}: the throughput of Earshot's {@link Embedder} against ONNX Runtime
 * called directly ({@link DirectOnnx}) on the same model, tokenizer and texts, in one run: the real utterances shipped
 * for the demo company (banking77 queries and CFPB complaint narratives, shuffled with a fixed seed), each side on the
 * same threads in the backfill's arrangement (a pool of all cores but one running a parallel stream), after a warm-up,
 * taking turns every {@value #SLICE} texts. Prints texts per second, the ratio Earshot ÷ direct, and how closely the
 * vectors agree.
 */
@Command(
        name = "bench-embeddings",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark Earshot's embedder against ONNX Runtime called directly on the same model and texts.",
            "Uses the demo company's real texts (banking77, CFPB); needs no store."
        })
public class BenchEmbeddingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--texts",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Texts embedded per round and side (default: ${DEFAULT-VALUE}).")
    int texts;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Timed rounds, each interleaving both sides; the median counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Parallel callers (default: as the embedding backfill, all cores but one, at least one).")
    Integer threads;

    /** Texts each side embeds before timing starts. */
    static final int WARM_UP = 200;

    /** Texts per timed slice; the two sides take turns slice by slice. */
    static final int SLICE = 50;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> corpus = shippedTexts();
        if (texts < 1 || texts > corpus.size()) {
            throw new ParameterException(
                    spec.commandLine(),
                    String.format(Locale.ROOT, "--texts must be between 1 and %,d, got %d", corpus.size(), texts));
        }
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
        }
        int callers =
                threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        if (callers < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + callers);
        }
        List<String> sample = corpus.subList(0, texts);
        double meanChars = sample.stream().mapToInt(String::length).average().orElse(0);
        out.printf(
                Locale.ROOT,
                "Earshot bench-embeddings, %s: Java %s, %d cores, %d caller thread(s), %d texts (mean %.0f characters)"
                        + " from banking77 + CFPB, %d warm-up texts, %d rounds%n",
                ZonedDateTime.now(ZoneOffset.UTC).withNano(0),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                callers,
                texts,
                meanChars,
                WARM_UP,
                rounds);
        out.flush();

        ForkJoinPool pool = new ForkJoinPool(callers);
        try (DirectOnnx direct = new DirectOnnx()) {
            Embedder earshot = Embedder.shared();
            Function<String, float[]> ours = earshot::embed, theirs = direct::embed;
            List<String> warmUp = corpus.subList(corpus.size() - WARM_UP, corpus.size());
            run(pool, warmUp, ours);
            run(pool, warmUp, theirs);

            double[] earshotRates = new double[rounds], directRates = new double[rounds];
            List<float[]> earshotVectors = null, directVectors = null;
            for (int round = 0; round < rounds; round++) {
                // Interleaved in slices, each side going first in turn, so that a change of load on a shared machine
                // falls on both sides alike.
                long earshotNanos = 0, directNanos = 0;
                earshotVectors = new ArrayList<>(texts);
                directVectors = new ArrayList<>(texts);
                for (int from = 0, slice = 0; from < texts; from += SLICE, slice++) {
                    List<String> part = sample.subList(from, Math.min(texts, from + SLICE));
                    for (int turn = 0; turn < 2; turn++) {
                        boolean earshotTurn = (slice + turn + round) % 2 == 0;
                        long started = System.nanoTime();
                        List<float[]> vectors = run(pool, part, earshotTurn ? ours : theirs);
                        long elapsed = System.nanoTime() - started;
                        if (earshotTurn) {
                            earshotNanos += elapsed;
                            earshotVectors.addAll(vectors);
                        } else {
                            directNanos += elapsed;
                            directVectors.addAll(vectors);
                        }
                    }
                }
                earshotRates[round] = texts / (earshotNanos / 1e9);
                directRates[round] = texts / (directNanos / 1e9);
                out.printf(
                        Locale.ROOT,
                        "round %d: Earshot %.1f texts/s, direct ONNX Runtime %.1f texts/s, ratio %.3f%n",
                        round + 1,
                        earshotRates[round],
                        directRates[round],
                        earshotRates[round] / directRates[round]);
                out.flush();
            }
            double earshotRate = median(earshotRates), directRate = median(directRates);
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = earshotRates[round] / directRates[round];
            }
            double min = 1, sum = 0;
            int agreeing = 0;
            for (int i = 0; i < texts; i++) {
                double cosine = Embedder.similarity(earshotVectors.get(i), directVectors.get(i));
                min = Math.min(min, cosine);
                sum += cosine;
                agreeing += cosine >= 0.999 ? 1 : 0;
            }
            out.println();
            out.println("| | texts/s (median of " + rounds + ") |");
            out.println("|---|---:|");
            out.printf(Locale.ROOT, "| Earshot (Embedder.shared().embed) | %.1f |%n", earshotRate);
            out.printf(Locale.ROOT, "| ONNX Runtime directly (OrtSession) | %.1f |%n", directRate);
            out.printf(
                    Locale.ROOT,
                    "%nRatio Earshot ÷ direct: %.3f× (median of the rounds' ratios; target ≥ 0.9×)%n",
                    median(ratios));
            out.printf(
                    Locale.ROOT,
                    "Vectors: cosine mean %.6f, min %.6f; %d of %d texts ≥ 0.999%n",
                    sum / texts,
                    min,
                    agreeing,
                    texts);
            out.flush();
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<float[]> run(ForkJoinPool pool, List<String> texts, Function<String, float[]> model)
            throws InterruptedException, ExecutionException {
        return pool.submit(() -> texts.parallelStream().map(model).toList()).get();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The demo company's texts: every banking77 query and CFPB narrative shipped under {@code demo/}, cut as the
     * embedder cuts them, shuffled with a fixed seed so that any prefix mixes both in their shipped proportion.
     */
    static List<String> shippedTexts() {
        List<String> all = new ArrayList<>(read("demo/banking77.csv", "text"));
        all.addAll(read("demo/cfpb-narratives.csv", "narrative"));
        all.removeIf(String::isBlank);
        List<String> cut = new ArrayList<>(all.stream()
                .map(String::strip)
                .map(text -> text.length() > Embedder.MAX_CHARS ? text.substring(0, Embedder.MAX_CHARS) : text)
                .toList());
        Collections.shuffle(cut, new Random(20261202L));
        return cut;
    }

    private static List<String> read(String resource, String column) {
        try (InputStream in = BenchEmbeddingsCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The demo texts " + resource + " are missing from the class path");
            }
            try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
                return rows.stream().map(row -> row.getField(column)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
