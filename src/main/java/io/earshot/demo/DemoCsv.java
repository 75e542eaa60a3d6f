package io.earshot.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes demo signals as an import file: a UTF-8 CSV whose headers are named like the signal fields, so the importer
 * maps them without a mapping file; {@code intent}, {@code complaint_issue} and {@code text_origin} become attributes.
 */
final class DemoCsv {

    static final List<String> HEADER = List.of(
            "external_id",
            "customer_id",
            "account_id",
            "occurred_at",
            "channel",
            "touchpoint",
            "journey_stage",
            "product",
            "region",
            "segment",
            "nps",
            "csat",
            "ces",
            "text",
            "language",
            "intent",
            "complaint_issue",
            "text_origin");

    private DemoCsv() {}

    static void write(List<DemoSignal> signals, Path file) {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
            csv.writeRecord(HEADER);
            for (DemoSignal signal : signals) {
                csv.writeRecord(
                        signal.externalId(),
                        signal.customerId(),
                        signal.accountId(),
                        signal.occurredAt().toString(),
                        signal.channel(),
                        signal.touchpoint(),
                        signal.journeyStage(),
                        signal.product(),
                        signal.region(),
                        signal.segment(),
                        text(signal.nps()),
                        text(signal.csat()),
                        text(signal.ces()),
                        signal.text(),
                        signal.language(),
                        signal.intent(),
                        signal.issue() == null ? "" : signal.issue(),
                        signal.origin());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo import file " + file, e);
        }
    }

    private static String text(Integer score) {
        return score == null ? "" : score.toString();
    }
}
