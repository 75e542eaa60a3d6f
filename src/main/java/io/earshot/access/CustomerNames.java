package io.earshot.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of the customers mapped to a row, whole-word and ignoring case, because customers write their own
 * names in lower case ({@code thanks maria}) and shout them in capitals. Each name is looked for as given (with any
 * whitespace between its words), without its titles and initials ({@code Dr.}, {@code J.}), and part by part, so
 * {@code Ms. Gonzalez} and {@code Regards, Lucas} are found; the longest form wins where several match.
 *
 * <p>Parts shorter than three letters ({@code Li}, {@code Do}, {@code An}) are common words or syllables in too many
 * languages, so they are found only right after a title ({@code Mr Li}). Parts of three letters or more are found
 * anywhere, which over-redacts a name that is also a word ({@code will} for Will Baker): for personal data a word lost
 * from one row is the cheaper mistake.
 */
final class CustomerNames {

    private static final int SHORTEST_PART = 3;
    private static final String TITLE = "(?<=(?<![\\p{L}\\p{N}])(?:mr|mrs|ms|miss|mx|dr|prof)\\.?\\s)";

    List<Finding> find(String text, Collection<String> names) {
        List<String> forms = forms(names);
        if (forms.isEmpty()) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + String.join("|", forms) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Finding> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(Finding.personal(PiiKind.NAME, matcher.start(), matcher.end()));
        }
        return found;
    }

    /** Regular expressions for every form of every name, longest first so that alternation prefers them. */
    private static List<String> forms(Collection<String> names) {
        Set<List<String>> sequences = new LinkedHashSet<>();
        Set<String> shortParts = new LinkedHashSet<>();
        for (String name : names) {
            List<String> words = List.of(name.strip().split("[\\s,]+"));
            List<String> bare =
                    words.stream().filter(word -> !word.endsWith(".")).toList();
            if (words.size() > 1) {
                sequences.add(words);
            }
            if (bare.size() > 1) {
                sequences.add(bare);
            }
            for (String part : bare) {
                if (part.codePointCount(0, part.length()) >= SHORTEST_PART) {
                    sequences.add(List.of(part));
                } else if (!part.isBlank()) {
                    shortParts.add(part);
                }
            }
        }
        List<List<String>> ordered = new ArrayList<>(sequences);
        ordered.sort(Comparator.comparingInt(
                        (List<String> words) -> String.join(" ", words).length())
                .reversed());
        List<String> forms = new ArrayList<>();
        for (List<String> words : ordered) {
            forms.add(String.join("\\s+", words.stream().map(Pattern::quote).toList()));
        }
        for (String part : shortParts) {
            forms.add(TITLE + Pattern.quote(part));
        }
        return forms;
    }
}
