package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the words in front of a number to tell what the writer says it is. Many order and reference numbers are valid
 * phone numbers somewhere ({@code order 2023-0914-77}, {@code Routing number 021000021}), and a seven-digit local
 * number ({@code ph: 555-0134}) looks like any other pair of digit groups: the words before them are the only thing
 * that tells them apart.
 */
final class NumberLabels {

    private static final Set<String> IDENTIFIERS = Set.of(
            "order",
            "ref",
            "reference",
            "case",
            "invoice",
            "ticket",
            "tracking",
            "policy",
            "claim",
            "account",
            "acct",
            "routing",
            "imei",
            "serial",
            "sku",
            "transaction",
            "confirmation",
            "booking",
            "contract",
            "member",
            "membership",
            "reservation",
            "voucher",
            "parcel",
            "shipment",
            "batch",
            "meter",
            "iban",
            "bic");

    /** Words that may sit between an identifier's label and its number: {@code order number}, {@code ref no.}. */
    private static final Set<String> FILLERS = Set.of("number", "no", "nr", "num", "id", "code");

    private static final Set<String> PHONE_WORDS = Set.of(
            "phone",
            "ph",
            "tel",
            "telephone",
            "call",
            "cell",
            "mobile",
            "fax",
            "text",
            "ring",
            "dial",
            "reach",
            "number",
            "landline",
            "whatsapp");

    private static final int PHONE_WORD_DISTANCE = 4;

    private NumberLabels() {}

    /** Whether the word or two right before {@code start} label the number there as a non-phone identifier. */
    static boolean namesOtherIdentifier(String text, int start) {
        for (String word : wordsBefore(text, start, 2)) {
            if (IDENTIFIERS.contains(word)) {
                return true;
            }
            if (!FILLERS.contains(word)) {
                return false;
            }
        }
        return false;
    }

    /** Whether one of the few words before {@code start} speaks of a phone ({@code call me on}, {@code ph:}). */
    static boolean namesPhone(String text, int start) {
        return wordsBefore(text, start, PHONE_WORD_DISTANCE).stream().anyMatch(PHONE_WORDS::contains);
    }

    /** Up to {@code count} words before {@code start}, nearest first, lower case; stops at a digit or sentence end. */
    private static List<String> wordsBefore(String text, int start, int count) {
        List<String> words = new ArrayList<>();
        int end = start;
        while (words.size() < count) {
            while (end > 0 && " \t:#,()".indexOf(text.charAt(end - 1)) >= 0
                    || end > 1 && text.charAt(end - 1) == '.' && Character.isLetter(text.charAt(end - 2))) {
                end--;
            }
            int wordStart = end;
            while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart == end) {
                return words;
            }
            words.add(text.substring(wordStart, end).toLowerCase(Locale.ROOT));
            end = wordStart;
        }
        return words;
    }
}
