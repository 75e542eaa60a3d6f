package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IBANs, written either without spaces or in groups of four separated by single spaces, in upper or lower case.
 * A candidate starts with a country code and two check digits and has exactly that country's length; it counts as an
 * IBAN only when the ISO 7064 mod-97 check holds. A candidate that fails the check is returned as a look-alike, so its
 * digits are not read as a card or phone number.
 *
 * <p>Written by hand rather than taken from a library: the check is a few lines, and the only data it needs is the
 * country length table in {@link IbanCountries}.
 */
final class Ibans {

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}");

    List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = START.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = matcher.start();
            int end = end(text, start);
            if (end < 0) {
                from = matcher.end();
                continue;
            }
            String iban = text.substring(start, end).replace(" ", "").toUpperCase(Locale.ROOT);
            found.add(
                    checksumHolds(iban)
                            ? Finding.personal(PiiKind.IBAN, start, end)
                            : Finding.lookalike(PiiKind.IBAN, start, end));
            from = end;
        }
        return found;
    }

    /** Where the IBAN starting at {@code start} ends, or -1 when the text there is not shaped like one. */
    private static int end(String text, int start) {
        String country = text.substring(start, start + 2);
        boolean upper = Character.isUpperCase(country.charAt(0));
        int length = IbanCountries.length(country.toUpperCase(Locale.ROOT));
        if (length == 0 || Character.isUpperCase(country.charAt(1)) != upper) {
            return -1;
        }
        boolean grouped = start + 4 < text.length() && text.charAt(start + 4) == ' ';
        int position = start;
        int count = 0;
        while (count < length) {
            if (count > 0 && count % 4 == 0 && grouped) {
                if (position >= text.length() || text.charAt(position) != ' ') {
                    return -1;
                }
                position++;
            }
            if (position >= text.length() || !fits(text.charAt(position), upper)) {
                return -1;
            }
            position++;
            count++;
        }
        boolean followedByMore = position < text.length() && Character.isLetterOrDigit(text.charAt(position));
        return followedByMore ? -1 : position;
    }

    private static boolean fits(char c, boolean upper) {
        return (c >= '0' && c <= '9') || (upper ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z');
    }

    /** ISO 13616: move the first four chars to the end, read letters as 10..35, and the number mod 97 must be 1. */
    static boolean checksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }
}
