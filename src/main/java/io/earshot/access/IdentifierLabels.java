package io.earshot.access;

import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a number is introduced as some identifier other than a phone number ({@code order 2023-0914-77},
 * {@code Routing number 021000021}). Many order and reference numbers are valid phone numbers somewhere, and the word
 * in front of them is the only thing that says otherwise.
 */
final class IdentifierLabels {

    private static final Set<String> LABELS = Set.of(
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

    /** Words that may sit between the label and the number: {@code order number}, {@code ref no.}. */
    private static final Set<String> FILLERS = Set.of("number", "no", "nr", "num", "id", "code");

    private IdentifierLabels() {}

    /** Whether the word or two right before {@code start} label the number there as a non-phone identifier. */
    static boolean labels(String text, int start) {
        int end = start;
        for (int words = 0; words < 2; words++) {
            end = skipSeparators(text, end);
            int wordStart = end;
            while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart == end) {
                return false;
            }
            String word = text.substring(wordStart, end).toLowerCase(Locale.ROOT);
            if (LABELS.contains(word)) {
                return true;
            }
            if (!FILLERS.contains(word)) {
                return false;
            }
            end = wordStart;
        }
        return false;
    }

    private static int skipSeparators(String text, int end) {
        while (end > 0 && " \t:#.".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
