package io.earshot.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real customer utterances shipped under {@code demo/} (see the {@code *.SOURCE.md} licence notes there): banking77
 * queries by intent (CC BY 4.0) and CFPB complaint narratives (public domain).
 */
final class Utterances {

    static final String BANKING77 = "demo/banking77.csv";
    static final String CFPB = "demo/cfpb-narratives.csv";

    private final List<Utterance> queries;
    private final Map<String, List<Utterance>> queriesByIntent;
    private final List<Utterance> complaints;

    private Utterances(List<Utterance> queries, List<Utterance> complaints) {
        this.queries = List.copyOf(queries);
        this.complaints = List.copyOf(complaints);
        Map<String, List<Utterance>> byIntent = new LinkedHashMap<>();
        for (Utterance query : queries) {
            byIntent.computeIfAbsent(query.intent(), intent -> new ArrayList<>())
                    .add(query);
        }
        this.queriesByIntent = byIntent;
    }

    /** Reads the shipped files from the class path. */
    static Utterances shipped() {
        return new Utterances(
                read(
                        BANKING77,
                        row -> new Utterance(row.getField("text"), row.getField("category"), null, null, "banking77")),
                read(
                        CFPB,
                        row -> new Utterance(
                                row.getField("narrative"),
                                Intent.COMPLAINT,
                                row.getField("issue"),
                                row.getField("product"),
                                "cfpb")));
    }

    /** Every banking77 query, in file order. */
    List<Utterance> queries() {
        return queries;
    }

    /** The banking77 queries of one intent. */
    List<Utterance> queries(String intent) {
        List<Utterance> found = queriesByIntent.get(intent);
        if (found == null) {
            throw new IllegalArgumentException("No banking77 query has the intent " + intent);
        }
        return found;
    }

    /** Every CFPB complaint narrative, in file order. */
    List<Utterance> complaints() {
        return complaints;
    }

    private static List<Utterance> read(String resource, Function<NamedCsvRecord, Utterance> mapping) {
        try (InputStream in = Utterances.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The demo utterances " + resource + " are missing from the class path");
            }
            try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
                List<Utterance> utterances = new ArrayList<>();
                rows.forEach(row -> utterances.add(mapping.apply(row)));
                return utterances;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo utterances " + resource, e);
        }
    }
}
