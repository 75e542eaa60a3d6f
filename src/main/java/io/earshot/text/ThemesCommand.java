package io.earshot.text;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code earshot themes --input FILE.csv --text-column NAME [--k N] --output OUT.csv}: discovers the themes of a CSV
 * file's texts and writes its rows back with {@code theme_id} and {@code theme_label}. Needs no store.
 */
@Command(
        name = "themes",
        mixinStandardHelpOptions = true,
        description = {
            "Find the themes of the texts in a CSV file.",
            "Writes every input row with two more columns: theme_id (1 = largest theme; 0 = no text) and theme_label"
                    + " (its key phrases). Texts are embedded on all cores; progress goes to stderr."
        })
public class ThemesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The CSV file, with a header.")
    Path input;

    @Option(
            names = "--text-column",
            required = true,
            paramLabel = "NAME",
            description = "The column holding the texts.")
    String textColumn;

    @Option(
            names = "--k",
            paramLabel = "N",
            description = "How many themes (default: chosen automatically, by silhouette).")
    Integer k;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "Where to write the rows.")
    Path output;

    /** Progress is reported every this many texts embedded. */
    private static final int PROGRESS_EVERY = 1_000;

    @Override
    public Integer call() throws IOException {
        if (k != null && k < 1) {
            throw usage("--k must be 1 or more, got " + k + "; leave it out to choose the number automatically");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw usage("Cannot write " + output + ": the folder " + folder + " does not exist");
        }
        Table table = read();
        int column = table.header().indexOf(textColumn);
        if (column < 0) {
            throw usage("No column '" + textColumn + "' in " + input + "; its columns are: "
                    + String.join(", ", table.header()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> texts = table.rows().stream()
                .map(row -> column < row.size() ? row.get(column) : "")
                .toList();
        List<float[]> vectors = embed(texts, err);
        long start = System.nanoTime();
        Themes themes = ThemeDiscovery.discover(texts, vectors, k == null ? 0 : k);
        err.printf(
                "%d themes (%s) in %.1f s%n",
                themes.k(), themes.automatic() ? "chosen automatically" : "--k", (System.nanoTime() - start) / 1e9);
        write(table, themes);
        PrintWriter out = spec.commandLine().getOut();
        out.println("theme_id,size,theme_label");
        for (Theme theme : themes.themes()) {
            out.println(theme.id() + "," + theme.size() + "," + theme.label());
        }
        out.flush();
        err.println("Wrote " + texts.size() + " rows to " + output);
        err.flush();
        return 0;
    }

    private record Table(List<String> header, List<List<String>> rows) {}

    private Table read() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw usage("Cannot read " + input + ": no such file");
        }
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(input)) {
            for (CsvRecord record : csv) {
                if (header.isEmpty()) {
                    record.getFields().forEach(name -> header.add(name.strip()));
                } else {
                    rows.add(record.getFields());
                }
            }
        } catch (CsvParseException e) {
            throw usage("Cannot read " + input + " as CSV: " + e.getMessage());
        }
        if (header.isEmpty()) {
            throw usage(input + " is empty: it needs a header row naming the columns");
        }
        return new Table(header, rows);
    }

    /** Embeds on all cores (the embedder is thread-safe and runs on the calling thread). */
    private static List<float[]> embed(List<String> texts, PrintWriter err) {
        Embedder embedder = Embedder.shared();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        err.println("Embedding " + texts.size() + " texts on "
                + Runtime.getRuntime().availableProcessors() + " cores…");
        err.flush();
        float[][] vectors = new float[texts.size()][];
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            vectors[i] = ThemeDiscovery.hasWords(texts.get(i))
                    ? embedder.embed(texts.get(i))
                    : new float[Embedder.DIMENSIONS];
            int count = done.incrementAndGet();
            if (count % PROGRESS_EVERY == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                synchronized (err) {
                    err.printf("  %d / %d embedded (%.0f texts/s)%n", count, texts.size(), count / seconds);
                    err.flush();
                }
            }
        });
        return Arrays.asList(vectors);
    }

    private void write(Table table, Themes themes) {
        int width = table.header().size();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(output)) {
            List<String> header = new ArrayList<>(table.header());
            header.addAll(List.of("theme_id", "theme_label"));
            csv.writeRecord(header);
            for (int i = 0; i < table.rows().size(); i++) {
                List<String> fields = table.rows().get(i);
                // a row with more fields than the header is cut, so the theme columns stay under their names
                List<String> row = new ArrayList<>(fields.subList(0, Math.min(width, fields.size())));
                while (row.size() < width) {
                    row.add("");
                }
                Theme theme = themes.theme(themes.themeOf(i));
                row.add(Integer.toString(theme.id()));
                row.add(theme.label());
                csv.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
