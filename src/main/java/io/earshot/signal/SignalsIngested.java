package io.earshot.signal;

import java.util.UUID;

/**
 * Published after an import has committed new signals to the store. Listeners (text analytics, closed-loop cases)
 * read the signals of {@code importId} from the store.
 *
 * @param importId the import that added them
 * @param source the source they came from
 * @param count how many new signals were committed
 */
public record SignalsIngested(UUID importId, String source, long count) {}
