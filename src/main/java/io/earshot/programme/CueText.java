package io.earshot.programme;

import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one cue and who says them: its lines joined with a space, its markup removed and its entities decoded.
 *
 * <p>The speaker is the name of the cue's first voice span ({@code <v Anna>}, {@code <v.loud Anna>}); without one, a
 * name in front of the words, {@code Anna: text} or {@code [Anna] text}, as Zoom and Teams exports and many SRT files
 * write it. Such a prefix counts as a name only when it is at most 40 characters and up to 4 words, each starting
 * with a capital or a digit (or a particle such as "van" or "de"), not digits alone, and of letters, digits, spaces
 * and {@code . ' - _} only: so "Speaker 1:" and "Dr. Anna Berg:" are speakers, and "So the thing is:" and "10:" are
 * words.
 *
 * @param speaker the name, or {@code null}
 * @param text the words; empty when the cue has none
 */
record CueText(String speaker, String text) {

    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)*[ \\t]+([^>]*)>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>|</>|<\\d[\\d:.]*>|\\{\\\\[^{}]*}");
    private static final Pattern ENTITY =
            Pattern.compile("&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);|&#(\\d{1,7});|" + "&#[xX]([0-9a-fA-F]{1,6});");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern COLON_NAME = Pattern.compile("([^:]{1,40}):\\s+(\\S.*)");
    private static final Pattern BRACKET_NAME = Pattern.compile("\\[([^\\[\\]]{1,40})]\\s*(\\S.*)");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{N}.'_-]+");
    private static final Set<String> PARTICLES =
            Set.of("van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le", "dos", "bin", "al");

    /** The cue text of the given source lines. */
    static CueText of(List<String> lines) {
        String raw = String.join(" ", lines);
        Matcher voice = VOICE.matcher(raw);
        String voiceName = voice.find() ? words(voice.group(1)) : "";
        String text = words(TAG.matcher(raw).replaceAll(""));
        if (!voiceName.isEmpty()) {
            return new CueText(voiceName, text);
        }
        for (Pattern prefix : List.of(BRACKET_NAME, COLON_NAME)) {
            Matcher named = prefix.matcher(text);
            if (named.matches() && isName(named.group(1).strip())) {
                return new CueText(named.group(1).strip(), named.group(2));
            }
        }
        return new CueText(null, text);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Markup-free text with entities decoded and runs of white space (and no-break spaces) made one space. */
    private static String words(String text) {
        String decoded = ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(decode(entity)));
        return SPACES.matcher(decoded).replaceAll(" ").strip();
    }

    private static String decode(MatchResult entity) {
        if (entity.group(1) != null) {
            return switch (entity.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "nbsp" -> " ";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> ""; // lrm, rlm: direction marks, not words
            };
        }
        int codePoint =
                entity.group(2) != null ? Integer.parseInt(entity.group(2)) : Integer.parseInt(entity.group(3), 16);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : entity.group();
    }

    private static boolean isName(String candidate) {
        String[] words = candidate.split(" +");
        if (words.length > 4 || candidate.chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()
                    || !Character.isLetterOrDigit(word.charAt(0))
                    || (Character.isLowerCase(word.charAt(0)) && !PARTICLES.contains(word))) {
                return false;
            }
        }
        return Character.isLetter(candidate.charAt(0)) && !Character.isLowerCase(candidate.charAt(0));
    }
}
