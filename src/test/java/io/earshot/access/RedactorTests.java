package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RedactorTests {

    private final Redactor redactor = Redactor.of(EnumSet.allOf(PiiKind.class));

    private String redact(String text) {
        return redactor.redact(text, List.of()).text();
    }

    private String redact(String text, String... names) {
        return redactor.redact(text, List.of(names)).text();
    }

    @Test
    void redactsEmailInAngleBracketsAndKeepsTheBrackets() {
        assertThat(redact("From: Anna <a.b@x.co.uk> wrote")).isEqualTo("From: Anna <[EMAIL]> wrote");
    }

    @Test
    void redactsPlusAddressingAndSubdomainsAndLeavesTrailingPunctuation() {
        assertThat(redact("Send it to jsmith+billing@mail.corp.example.org.")).isEqualTo("Send it to [EMAIL].");
    }

    @Test
    void leavesHandlesAndBareHostsAlone() {
        String text = "I tagged @bankhelp and @jsmith; the intranet address is admin@localhost";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void redactsInternationalPhoneNumbers() {
        assertThat(redact("Call +44 20 7946 0958 or +1 (415) 555-0132 today"))
                .isEqualTo("Call [PHONE] or [PHONE] today");
    }

    @Test
    void redactsPhoneNumbersWrittenWithTheInternationalDiallingPrefix() {
        assertThat(redact("My number is 0044 20 7946 0321, thanks")).isEqualTo("My number is [PHONE], thanks");
    }

    @Test
    void redactsNationalPhoneNumbersOfSeveralCountries() {
        assertThat(redact("US 415.555.0143, UK 0161 496 0742, DE 0171/2345678, FR 01 99 00 45 67."))
                .isEqualTo("US [PHONE], UK [PHONE], DE [PHONE], FR [PHONE].");
    }

    @Test
    void redactsPhoneNumberTogetherWithItsExtension() {
        assertThat(redact("Switchboard +1 415-555-0132 ext. 204, ask for billing"))
                .isEqualTo("Switchboard [PHONE], ask for billing");
    }

    @Test
    void leavesDatesTimesAmountsAndPostcodesAlone() {
        String text = "Paid $1,234.56 on 14/09/2023 at 10:45, then 1.234,56 € on 2023-09-14; ZIP 90210-1234, 1681.";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void leavesNumbersLabelledAsOtherIdentifiersAlone() {
        String text = "Routing number 021000021, order 2023-0914-77, policy POL-7732-1190-55";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void redactsSpacedDashedAndUnbrokenCardNumbers() {
        assertThat(redact("Cards 4294 0283 8304 7808, 4495-0994-0466-6162 and 378018827634417."))
                .isEqualTo("Cards [CARD], [CARD] and [CARD].");
    }

    @Test
    void redactsAmericanExpressGrouping() {
        assertThat(redact("Amex 3736 531144 65698 declined")).isEqualTo("Amex [CARD] declined");
    }

    @Test
    void leavesLuhnInvalidCardShapedNumbersAlone() {
        String text = "The number 4099 7959 9170 1625 fails, so does 4573845576709368.";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void leavesLuhnValidNumbersOutsideCardRangesAlone() {
        String text = "IMEI 490154203237518, barcode 5901234123457, loyalty card 9773 8671 9977 4967";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void cardWinsOverThePhoneNumberInItsDigits() {
        Redaction redaction = redactor.redact("Charged to 4294 0283 8304 7808 twice", List.of());

        assertThat(redaction.text()).isEqualTo("Charged to [CARD] twice");
        assertThat(redaction.counts()).containsExactly(Map.entry(PiiKind.CARD, 1));
    }

    @Test
    void redactsSpacedAndCompactIbans() {
        assertThat(redact("Refund to DE30 2219 7489 7005 6768 39 or NL09ABNA8492996515."))
                .isEqualTo("Refund to [IBAN] or [IBAN].");
    }

    @Test
    void stopsAnIbanAtItsCountrysLength() {
        assertThat(redact("BE78 7352 1080 5727 Test")).isEqualTo("[IBAN] Test");
    }

    @Test
    void leavesIbanWithWrongCheckDigitsWholeAndUnread() {
        String text = "The IBAN DE88 3109 7978 3709 7110 85 is rejected";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void redactsFullNameAsOneSpanAndPartsOnTheirOwn() {
        assertThat(redact("Maria Gonzalez called; Ms. Gonzalez wants thanks, maria", "Maria Gonzalez"))
                .isEqualTo("[NAME] called; Ms. [NAME] wants thanks, [NAME]");
    }

    @Test
    void matchesNamesWholeWordOnly() {
        String text = "Tomatoes arrived broken, Tomas says";
        assertThat(redact(text, "Tom Becker")).isEqualTo(text);
    }

    @Test
    void findsTwoLetterNamePartsOnlyAfterATitle() {
        assertThat(redact("Mr Li paid, li-ion battery", "Li Wei")).isEqualTo("Mr [NAME] paid, li-ion battery");
    }

    @Test
    void findsNameGivenWithTitleAlsoWithoutIt() {
        assertThat(redact("Hannah Schmidt wrote", "Dr. Hannah Schmidt")).isEqualTo("[NAME] wrote");
    }

    @Test
    void nameInsideAnEmailAddressGoesWithTheAddress() {
        Redaction redaction = redactor.redact("Write to maria.gonzalez@example.com", List.of("Maria Gonzalez"));

        assertThat(redaction.text()).isEqualTo("Write to [EMAIL]");
        assertThat(redaction.count(PiiKind.NAME)).isZero();
    }

    @Test
    void redactsNoNamesWhenNoneAreMapped() {
        String text = "Peter at the branch was helpful";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void kindSwitchedOffStaysInTheTextInsteadOfBeingTakenByAnother() {
        Redactor phonesOnly = Redactor.of(EnumSet.of(PiiKind.PHONE));

        assertThat(phonesOnly
                        .redact("Card 4294 0283 8304 7808, call 020 7946 0999", List.of())
                        .text())
                .isEqualTo("Card 4294 0283 8304 7808, call [PHONE]");
    }

    @Test
    void reportsSpansAsOffsetsIntoTheOriginalText() {
        Redaction redaction = redactor.redact("mail a@b.io or +44 20 7946 0958", List.of());

        assertThat(redaction.spans())
                .containsExactly(new Redaction.Span(PiiKind.EMAIL, 5, 11), new Redaction.Span(PiiKind.PHONE, 15, 31));
    }

    @Test
    void leavesFileNamesShapedLikeAddressesAlone() {
        String text = "The attachment report@2x.png would not open";
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void keepsAnUnclosedBracketOutsideThePhoneNumber() {
        assertThat(redact("Numbers: [+44 20 7946 0018] and (06 39 98 77 01"))
                .isEqualTo("Numbers: [[PHONE]] and ([PHONE]");
    }

    @Test
    void redactsNationalNumberWithAreaCodeInParentheses() {
        assertThat(redact("Büro (030) 12345678")).isEqualTo("Büro [PHONE]");
    }

    @Test
    void redactsSevenDigitLocalNumberOnlyAfterAPhoneWord() {
        assertThat(redact("ph: 555-0134, pages 250-1000")).isEqualTo("ph: [PHONE], pages 250-1000");
    }

    @Test
    void redactsCardNumberGroupedWithDots() {
        assertThat(redact("On screen: 4750.2030.6801.2586.")).isEqualTo("On screen: [CARD].");
    }

    @Test
    void findsNamesWrittenWithoutTheirAccents() {
        assertThat(redact("Jose Muller wrote", "José Müller")).isEqualTo("[NAME] wrote");
    }

    @Test
    void leavesLowerCaseWordAloneWhenTheTextCapitalisesTheSameName() {
        assertThat(redact("I hope Hope gets this", "Hope Adams")).isEqualTo("I hope [NAME] gets this");
    }

    @Test
    void givesTheSameRedactionsWhenSharedByManyThreads() throws Exception {
        List<LabelledLine> lines = LabelledLine.all();
        List<Redaction> alone = lines.stream()
                .map(line -> redactor.redact(line.text(), line.names()))
                .toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<Redaction>>> runs = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                runs.add(threads.submit(() -> lines.stream()
                        .map(line -> redactor.redact(line.text(), line.names()))
                        .toList()));
            }
            for (Future<List<Redaction>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        }
    }

    @Test
    void labelledSetHoldsAtLeast250LinesWhoseLabelsOccurInTheirText() {
        List<LabelledLine> lines = LabelledLine.all();

        assertThat(lines).hasSizeGreaterThanOrEqualTo(250);
        for (LabelledLine line : lines) {
            for (LabelledLine.LabelledSpan span : line.expected()) {
                assertThat(line.text()).as(line.id()).contains(span.substring());
            }
        }
    }

    @Test
    void findsTheLabelledSpansWithPrecisionAndRecallOfAtLeast95PercentOverallAndRecallPerKind() {
        SpanScores scores = new SpanScores();
        for (LabelledLine line : LabelledLine.all()) {
            Redaction redaction = redactor.redact(line.text(), line.names());
            assertThat(redaction.text()).as(line.id()).isEqualTo(placeholdersAt(line.text(), redaction.spans()));
            scores.add(
                    line.id(),
                    line.expected(),
                    redaction.spans().stream()
                            .map(span -> new LabelledLine.LabelledSpan(
                                    span.kind(), line.text().substring(span.start(), span.end())))
                            .toList());
        }
        System.out.println("Redaction of redaction/labelled.tsv, span level:\n" + scores.table());
        scores.mistakes().forEach(mistake -> System.out.println("  " + mistake));

        assertThat(scores.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(scores.recall()).isGreaterThanOrEqualTo(0.95);
        for (PiiKind kind : PiiKind.values()) {
            assertThat(scores.recall(kind)).as("recall of %s", kind).isGreaterThanOrEqualTo(0.95);
        }
    }

    /** The text as it must read when exactly these spans, and nothing else, were replaced by their placeholders. */
    private static String placeholdersAt(String text, List<Redaction.Span> spans) {
        StringBuilder expected = new StringBuilder();
        int copied = 0;
        for (Redaction.Span span : spans) {
            expected.append(text, copied, span.start()).append(span.kind().placeholder());
            copied = span.end();
        }
        return expected.append(text.substring(copied)).toString();
    }
}
