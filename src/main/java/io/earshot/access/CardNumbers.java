package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers: 13 to 19 digits, unbroken or in the groups printed on cards (4-4-4-4 with an optional
 * last group, or American Express and Diners 4-6-5 and 4-6-4) separated consistently by spaces, dashes or (as some
 * apps and receipts print them) dots. A number
 * counts as a card only when it passes the Luhn check and its first digits and length belong to a card scheme
 * ({@link #issued}); that is what keeps order numbers, IMEIs and barcodes out. Every card-shaped number that fails is
 * returned as a look-alike, so its digits are not read as a phone number either.
 *
 * <p>Written by hand rather than with a validator library: the Luhn check is a few lines, and the scheme table is short
 * and easier to check against the schemes' published ranges than a library's brand list.
 */
final class CardNumbers {

    private static final Pattern SHAPE = Pattern.compile("(?<![\\p{L}\\p{N}])(?<!\\d[ .-])(?:"
            + "\\d{13,19}"
            + "|\\d{4}([ .-])\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{1,3})?"
            + "|\\d{4}([ -])\\d{6}\\2\\d{4,5}"
            + ")(?![\\p{L}\\p{N}])(?![ .-]\\d)");

    List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = SHAPE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ .-]", "");
            if (digits.length() < 13) {
                continue;
            }
            boolean card = luhnHolds(digits) && issued(digits);
            found.add(new Finding(PiiKind.CARD, matcher.start(), matcher.end(), card));
        }
        return found;
    }

    /** The Luhn (mod 10) check every payment card number carries in its last digit. */
    static boolean luhnHolds(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether a scheme issues numbers of this length with these first digits: Visa 4 (13, 16, 19), Mastercard 51-55
     * and 2221-2720 (16), Mir 2200-2204, American Express 34 and 37 (15), Diners 300-305, 36, 38, 39 (14, 16-19), JCB
     * 3528-3589, and Maestro, Discover, UnionPay and RuPay in 50 and 56-69 (16-19).
     */
    static boolean issued(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        boolean long16to19 = length >= 16;
        if (digits.charAt(0) == '4') {
            return length == 13 || length == 16 || length == 19;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return length == 16;
        }
        if (four >= 2200 && four <= 2204) {
            return long16to19;
        }
        if (two == 34 || two == 37) {
            return length == 15;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return length == 14 || long16to19;
        }
        if (four >= 3528 && four <= 3589) {
            return long16to19;
        }
        return (two == 50 || (two >= 56 && two <= 69)) && long16to19;
    }
}
