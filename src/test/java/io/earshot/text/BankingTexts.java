package io.earshot.text;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real customer messages of the banking77 training split (src/test/resources/banking77), by intent, in file order. */
final class BankingTexts {

    private static final Map<String, List<String>> BY_INTENT = read();

    private BankingTexts() {}

    /** The first {@code count} texts of {@code intent} after skipping {@code skip}. */
    static List<String> of(String intent, int skip, int count) {
        List<String> texts = BY_INTENT.get(intent);
        if (texts == null || texts.size() < skip + count) {
            throw new IllegalArgumentException("banking77 has no " + (skip + count) + " texts of intent " + intent);
        }
        return texts.subList(skip, skip + count);
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> byIntent = new LinkedHashMap<>();
        try (InputStream in = BankingTexts.class.getResourceAsStream("/banking77/train.csv");
                CsvReader<CsvRecord> csv =
                        CsvReader.builder().ofCsvRecord(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            csv.stream()
                    .skip(1)
                    .forEach(record -> byIntent.computeIfAbsent(record.getField(1), intent -> new ArrayList<>())
                            .add(record.getField(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byIntent;
    }
}
