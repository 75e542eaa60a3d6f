package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses. A regular expression is enough here: an address needs a local part, an {@code @} and a
 * domain of dotted labels ending in a letters-only top-level label, which excludes {@code @handles} and bare
 * {@code user@host}. The local part starts and ends with a letter, digit or underscore, so surrounding quotes, angle
 * brackets and trailing punctuation stay outside the span. A file name such as {@code report@2x.png} has the same
 * shape; no top-level domain is named after a common file extension, so those are refused.
 */
final class EmailAddresses {

    private static final String LOCAL = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.%+'&=~-]*[\\p{L}\\p{N}_])?";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern ADDRESS = Pattern.compile("(?<![\\p{L}\\p{N}_.%+'&=~-])" + LOCAL + "@(?:" + LABEL
            + "\\.)+(\\p{L}{2,})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])");

    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "heic", "pdf", "txt", "log", "csv",
            "json", "xml", "doc", "docx", "xls", "xlsx", "ppt", "pptx");

    List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        if (text.indexOf('@') < 0) {
            return found;
        }
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            if (!FILE_EXTENSIONS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                found.add(Finding.personal(PiiKind.EMAIL, matcher.start(), matcher.end()));
            }
        }
        return found;
    }
}
