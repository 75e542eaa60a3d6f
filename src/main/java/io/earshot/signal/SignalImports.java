package io.earshot.signal;

import org.springframework.stereotype.Service;

/**
 * Imports files of signals into the store: parses, maps, validates, quarantines bad rows, skips signals already stored,
 * records the import and publishes {@link SignalsIngested}. Imports run one at a time.
 */
@Service
public class SignalImports {

    /** Imports one CSV or JSON Lines file and reports what became of every row. */
    public ImportReport importFile(ImportRequest request, ImportProgress progress) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
