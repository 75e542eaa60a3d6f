package io.earshot.access;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of the customers mapped to a row, whole-word, ignoring case and accents, because customers write
 * their own names in lower case ({@code thanks maria}), shout them in capitals, and type {@code Jose Muller} on
 * keyboards without accents. Each name is looked for as given (with any whitespace between its words), without its
 * titles and initials ({@code Dr.}, {@code J.}), and part by part, so {@code Ms. Gonzalez} and {@code Regards, Lucas}
 * are found; a whole name wins over its parts.
 *
 * <p>Parts shorter than three letters ({@code Li}, {@code Do}, {@code An}) are common words or syllables in too many
 * languages, so they are found only right after a title ({@code Mr Li}). A part written in lower case is found unless
 * the same text also writes it capitalised: a writer who capitalises {@code Hope} means the word when they write
 * {@code hope}. A lower-case part with no capitalised twin is still redacted ({@code will} for Will Baker): for
 * personal data a word lost from one row is the cheaper mistake.
 */
final class CustomerNames {

    private static final int SHORTEST_PART = 3;
    private static final String TITLE = "(?<=(?<![\\p{L}\\p{N}])(?:mr|mrs|ms|miss|mx|dr|prof)\\.?\\s)";

    List<Finding> find(String text, Collection<String> names) {
        String folded = fold(text);
        if (!mentionsAnyPart(folded, names)) {
            return List.of();
        }
        Pattern pattern = pattern(names);
        List<Finding> found = new ArrayList<>();
        List<Finding> lowerCaseParts = new ArrayList<>();
        Set<String> capitalisedParts = new HashSet<>();
        Matcher matcher = pattern.matcher(folded);
        while (matcher.find()) {
            Finding finding = Finding.personal(PiiKind.NAME, matcher.start(), matcher.end());
            String written = matcher.group();
            if (matcher.group("part") != null && written.equals(written.toLowerCase(Locale.ROOT))) {
                lowerCaseParts.add(finding);
            } else {
                found.add(finding);
                if (matcher.group("part") != null) {
                    capitalisedParts.add(written.toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Finding part : lowerCaseParts) {
            if (!capitalisedParts.contains(folded.substring(part.start(), part.end()))) {
                found.add(part);
            }
        }
        found.sort(Comparator.comparingInt(Finding::start));
        return found;
    }

    /** A cheap test before compiling a pattern for the row's names: most texts never mention the customer. */
    private static boolean mentionsAnyPart(String folded, Collection<String> names) {
        String lowerCase = folded.toLowerCase(Locale.ROOT);
        for (String name : names) {
            for (String part : fold(name).toLowerCase(Locale.ROOT).split("[\\s,]+")) {
                if (!part.isEmpty() && !part.endsWith(".") && lowerCase.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One pattern for every form of every name: whole names first, then parts, longest first within each. */
    private static Pattern pattern(Collection<String> names) {
        Set<List<String>> wholeNames = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        Set<String> shortParts = new LinkedHashSet<>();
        for (String name : names) {
            List<String> words = List.of(fold(name).strip().split("[\\s,]+"));
            List<String> bare =
                    words.stream().filter(word -> !word.endsWith(".")).toList();
            if (words.size() > 1) {
                wholeNames.add(words);
            }
            if (bare.size() > 1) {
                wholeNames.add(bare);
            }
            for (String part : bare) {
                if (part.codePointCount(0, part.length()) >= SHORTEST_PART) {
                    parts.add(part);
                } else if (!part.isBlank()) {
                    shortParts.add(part);
                }
            }
        }
        List<String> whole = wholeNames.stream()
                .map(words ->
                        String.join("\\s+", words.stream().map(Pattern::quote).toList()))
                .toList();
        List<String> single = new ArrayList<>(parts.stream().map(Pattern::quote).toList());
        shortParts.forEach(part -> single.add(TITLE + Pattern.quote(part)));
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:(?<whole>" + longestFirst(whole) + ")|(?<part>" + longestFirst(single) + "))"
                        + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String longestFirst(List<String> alternatives) {
        if (alternatives.isEmpty()) {
            return "(?!)";
        }
        List<String> sorted = new ArrayList<>(alternatives);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", sorted);
    }

    /**
     * The text with each accented letter replaced by its base letter ({@code é} → {@code e}), char for char, so that
     * offsets in the folded text are offsets in the original.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                folded.append(c);
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            boolean accented = decomposed.length() > 1
                    && Character.isLetter(decomposed.charAt(0))
                    && decomposed
                            .chars()
                            .skip(1)
                            .allMatch(mark -> Character.getType(mark) == Character.NON_SPACING_MARK);
            folded.append(accented ? decomposed.charAt(0) : c);
        }
        return folded.toString();
    }
}
