package io.earshot.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Replaces personal data in free text with placeholders ({@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]},
 * {@code [IBAN]}, {@code [NAME]}) before the text is stored, and leaves every other char as it was.
 *
 * <p>Finders run in a fixed order and the first to claim a stretch of text keeps it: e-mail addresses, IBANs, card
 * numbers, phone numbers, then the customer's names. So the digits of an IBAN or a card are never also read as a phone
 * number, and a name inside an e-mail address goes with the address. Stretches that only look like an IBAN or a card
 * (their checksum fails) are claimed too and left as they are. All finders run whichever kinds are switched on, so
 * switching one kind off leaves its data in the text rather than letting another kind take it.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Redactor {

    private final EnumSet<PiiKind> kinds;
    private final EmailAddresses emails = new EmailAddresses();
    private final Ibans ibans = new Ibans();
    private final CardNumbers cards = new CardNumbers();
    private final PhoneNumbers phones = new PhoneNumbers();
    private final CustomerNames names = new CustomerNames();

    private Redactor(EnumSet<PiiKind> kinds) {
        this.kinds = EnumSet.copyOf(kinds);
    }

    /** A redactor that replaces the given kinds (which may be none) and leaves the others in the text. */
    public static Redactor of(EnumSet<PiiKind> kinds) {
        return new Redactor(Objects.requireNonNull(kinds, "kinds"));
    }

    /**
     * Redacts {@code text}. {@code customerNames} are the names of the customers mapped to the row the text belongs to
     * (may be empty); only those names are redacted as {@link PiiKind#NAME}, other people's names are not.
     */
    public Redaction redact(String text, Collection<String> customerNames) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(customerNames, "customerNames");
        List<Finding> claimed = new ArrayList<>();
        claim(claimed, emails.find(text));
        claim(claimed, ibans.find(text));
        claim(claimed, cards.find(text));
        claim(claimed, phones.find(text));
        claim(claimed, names.find(text, customerNames));
        claimed.sort(Comparator.comparingInt(Finding::start));

        StringBuilder redacted = new StringBuilder(text.length());
        List<Redaction.Span> spans = new ArrayList<>();
        int copied = 0;
        for (Finding finding : claimed) {
            if (finding.personal() && kinds.contains(finding.kind())) {
                redacted.append(text, copied, finding.start())
                        .append(finding.kind().placeholder());
                spans.add(new Redaction.Span(finding.kind(), finding.start(), finding.end()));
                copied = finding.end();
            }
        }
        redacted.append(text, copied, text.length());
        return new Redaction(redacted.toString(), spans);
    }

    private static void claim(List<Finding> claimed, List<Finding> found) {
        for (Finding candidate : found) {
            if (claimed.stream().noneMatch(candidate::overlaps)) {
                claimed.add(candidate);
            }
        }
    }
}
