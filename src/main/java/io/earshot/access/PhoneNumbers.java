package io.earshot.access;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers with Google's libphonenumber, which knows every country's numbering plan, extensions
 * ({@code ext. 204}, {@code x45}) and the formats people write numbers in, and already refuses dates, times and
 * amounts.
 *
 * <p>A number written in international form ({@code +44 …}, {@code 0044 …}) is accepted when its length is possible
 * for its country: the prefix says plainly that it is a phone number, and numbering plans gain ranges faster than any
 * copy of their metadata. A number in national form must be valid in one of the {@link #REGIONS}; in the regions
 * whose national numbers are always written with their trunk prefix 0 (Britain, Germany, France) it must start with
 * it, since a bare run of digits is valid somewhere in Germany's plan far too often. A seven-digit North American
 * local number ({@code 555-0134}) has no area code to validate, so it is accepted only after a word that speaks of a
 * phone ({@code ph:}, {@code call me on}). Numbers glued to a longer token ({@code POL-7732-1190-55}) or labelled as
 * some other identifier ({@code order 2023-0914-77}) are refused.
 */
final class PhoneNumbers {

    private static final Region US = new Region("US", false);

    private static final Region GB = new Region("GB", true);

    /** Countries whose national formats are recognised, and whether their national numbers start with 0. */
    private static final List<Region> REGIONS = List.of(US, GB, new Region("DE", true), new Region("FR", true));

    private static final int FEWEST_DIGITS = 7;

    /**
     * A run of digits and the punctuation numbers are written with. libphonenumber is slow next to a regular
     * expression, so it only reads texts that hold a run of at least {@link #FEWEST_DIGITS} digits, and only in the
     * passes such a run could need.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("[+(]?\\d[\\d ().\\-/]*\\d");

    /** A North American local number: exchange code (never starting with 0 or 1), dash or dot, four digits. */
    private static final Pattern LOCAL_NUMBER = Pattern.compile("[2-9]\\d{2}[-.]\\d{4}");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    List<Finding> find(String text) {
        Runs runs = Runs.of(text);
        if (!runs.any()) {
            return List.of();
        }
        List<Finding> candidates = new ArrayList<>();
        for (Region region : REGIONS) {
            if (region.trunkZero() && !runs.national()) {
                continue;
            }
            for (PhoneNumberMatch match : util.findNumbers(text, region.code(), Leniency.VALID, Long.MAX_VALUE)) {
                Finding finding = trimmed(text, match);
                if (!international(text, finding, region) && region.writtenWithZero(text, finding)) {
                    candidates.add(finding);
                }
            }
        }
        // International numbers need only one pass per way of dialling out: + and 011 in the US, 00 in Europe.
        for (Region region : List.of(US, GB)) {
            if (region == US ? !runs.plusOrLocal() : !runs.doubleZero()) {
                continue;
            }
            for (PhoneNumberMatch match : util.findNumbers(text, region.code(), Leniency.POSSIBLE, Long.MAX_VALUE)) {
                Finding finding = trimmed(text, match);
                if (international(text, finding, region) || localAfterPhoneWord(text, finding, region)) {
                    candidates.add(finding);
                }
            }
        }
        candidates.removeIf(finding -> gluedToToken(text, finding)
                || (!international(text, finding, null) && NumberLabels.namesOtherIdentifier(text, finding.start())));
        return longestFirst(candidates);
    }

    /**
     * The match, without an opening bracket that the number never closes: libphonenumber keeps the one in
     * {@code (06 39 98 77 01)} and {@code [+44 20 7946 0018]}.
     */
    private static Finding trimmed(String text, PhoneNumberMatch match) {
        int start = match.start();
        String raw = match.rawString();
        int opener = "([{".indexOf(raw.charAt(0));
        if (opener >= 0 && raw.indexOf(")]}".charAt(opener)) < 0) {
            start++;
        }
        return Finding.personal(PiiKind.PHONE, start, match.end());
    }

    private static boolean localAfterPhoneWord(String text, Finding finding, Region region) {
        return region.code().equals("US")
                && LOCAL_NUMBER
                        .matcher(text.substring(finding.start(), finding.end()))
                        .matches()
                && NumberLabels.namesPhone(text, finding.start());
    }

    /**
     * Whether the number is written with a {@code +} or, when {@code region} is given, with that region's
     * international dialling prefix ({@code 00}, {@code 011}).
     */
    private boolean international(String text, Finding finding, Region region) {
        String raw = text.substring(finding.start(), finding.end());
        if (raw.startsWith("+")) {
            return true;
        }
        if (region == null) {
            return raw.startsWith("00") || raw.startsWith("011");
        }
        try {
            return util.parseAndKeepRawInput(raw, region.code()).getCountryCodeSource()
                    == CountryCodeSource.FROM_NUMBER_WITH_IDD;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** Whether the number continues a longer token through a dash, slash, underscore or dot, e.g. {@code CLM-0091827}. */
    private static boolean gluedToToken(String text, Finding finding) {
        int before = finding.start() - 1;
        boolean gluedBefore = before >= 1
                && "-/_.".indexOf(text.charAt(before)) >= 0
                && Character.isLetterOrDigit(text.charAt(before - 1));
        int after = finding.end();
        boolean gluedAfter = after + 1 < text.length()
                && "-/_".indexOf(text.charAt(after)) >= 0
                && Character.isLetterOrDigit(text.charAt(after + 1));
        return gluedBefore || gluedAfter;
    }

    /** The candidates that do not overlap, preferring the earliest, then the longest (two regions can both match). */
    private static List<Finding> longestFirst(List<Finding> candidates) {
        candidates.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> kept = new ArrayList<>();
        for (Finding candidate : candidates) {
            if (kept.isEmpty() || !kept.getLast().overlaps(candidate)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /**
     * What the text's digit runs of {@value #FEWEST_DIGITS} or more digits look like: whether there is any, one in
     * national form (starting with 0), one starting with 00, and one starting with + or 011 or shaped like a local
     * number.
     */
    private record Runs(boolean any, boolean national, boolean doubleZero, boolean plusOrLocal) {

        static Runs of(String text) {
            boolean any = false;
            boolean national = false;
            boolean doubleZero = false;
            boolean plusOrLocal = false;
            Matcher matcher = DIGIT_RUN.matcher(text);
            while (matcher.find()) {
                String run = matcher.group();
                if (run.chars().filter(c -> c >= '0' && c <= '9').count() < FEWEST_DIGITS) {
                    continue;
                }
                String digits = run.startsWith("(") ? run.substring(1) : run;
                any = true;
                national |= digits.startsWith("0");
                doubleZero |= digits.startsWith("00");
                plusOrLocal |= digits.startsWith("+")
                        || digits.startsWith("011")
                        || LOCAL_NUMBER.matcher(run).find();
            }
            return new Runs(any, national, doubleZero, plusOrLocal);
        }
    }

    /** A country whose national formats are recognised; {@code trunkZero} when its national numbers start with 0. */
    private record Region(String code, boolean trunkZero) {

        boolean writtenWithZero(String text, Finding finding) {
            int first = finding.start();
            while (first < finding.end() && !Character.isDigit(text.charAt(first))) {
                first++;
            }
            return !trunkZero || text.charAt(first) == '0';
        }
    }
}
