package io.earshot.text;

import io.earshot.signal.CustomerErased;
import io.earshot.signal.SignalsDeleted;
import io.earshot.signal.SignalsIngested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the store: indexes each import's signals, adds vectors and sentiment as the
 * background embedding stores them, follows theme changes, drops deleted signals, and rebuilds an index that is
 * missing, of an older layout or out of step when the application starts. The work is queued on the index's own
 * thread, so the publisher (an import, an erasure) never waits for it. The events are published after their changes
 * committed, outside any transaction, so plain listeners see the committed rows.
 */
@Component
class SearchIndexing {

    private final SearchIndex index;
    private final boolean rebuildOnStart, followImports;

    SearchIndexing(
            SearchIndex index,
            @Value("${earshot.search.rebuild-on-start:true}") boolean rebuildOnStart,
            @Value("${" + FOLLOW_IMPORTS + ":true}") boolean followImports) {
        this.index = index;
        this.rebuildOnStart = rebuildOnStart;
        this.followImports = followImports;
    }

    /**
     * Whether the search index and the dip watch follow each import in the background; off only where nothing may
     * compete with what is measured ({@code earshot bench}); an index left behind is rebuilt at the next start
     * ({@link SearchIndex#needsRebuild}). (The embedding backfill has its own switch, off for every command.)
     */
    static final String FOLLOW_IMPORTS = "earshot.follow-imports";

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfNeeded() {
        if (rebuildOnStart && index.needsRebuild()) {
            index.rebuildInBackground();
        }
    }

    @EventListener
    void on(SignalsIngested event) {
        if (followImports) {
            index.indexImport(event.importId());
        }
    }

    /**
     * Erasures are handled by customer ({@link CustomerErased}); retention and withdrawals by comparing a source with
     * the store.
     */
    @EventListener
    void on(SignalsDeleted event) {
        switch (event.reason()) {
            case RETENTION, WITHDRAWN -> index.syncSource(event.source());
            case ERASURE -> {}
        }
    }

    /** Texts just embedded (and their sentiment stored): their documents get their vector and sentiment. */
    @EventListener
    void on(TextsEmbedded event) {
        index.refresh(event.signalIds());
    }

    /** Sentiment or emotions filled in for texts embedded earlier: their documents show them. */
    @EventListener
    void on(TextsAnalysed event) {
        index.refresh(event.signalIds());
    }

    /** Themes assigned, edited or recomputed: the documents' theme facet follows. */
    @EventListener
    void on(ThemesChanged event) {
        if (event.everySignal()) {
            index.refreshAll();
        } else {
            index.refresh(event.signalIds());
        }
    }

    @EventListener
    void on(CustomerErased event) {
        index.removeCustomer(event.customerId());
    }
}
