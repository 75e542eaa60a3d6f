package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With the background embedding on (a server, the demo), a store that gets texts gets themes by itself: once every
 * text is embedded, a discovery starts in the background.
 */
@SpringBootTest(properties = {"earshot.demo.load-on-empty-store=false", "earshot.text.embeddings.backfill=true"})
@TemporaryStore
class ThemesOnEmbeddedStoreTests {

    @Autowired
    SignalEmbeddings embeddings;

    @Autowired
    ThemeCatalogue catalogue;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void discoversThemesOnceTheTextsAreEmbedded() throws InterruptedException {
        List<StoredSignals.Signal> signals = new ArrayList<>();
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(5).toString();
        for (String intent : List.of("card_arrival", "exchange_rate", "age_limit")) {
            BankingTexts.of(intent, 0, 20)
                    .forEach(text -> signals.add(signal().text(text).at(day)));
        }
        StoredSignals.insert(jdbc, signals);

        embeddings.request();

        for (int i = 0;
                i < 1_200 && catalogue.lastRun().filter(run -> !run.running()).isEmpty();
                i++) {
            Thread.sleep(100);
        }
        ThemeRun run = catalogue.lastRun().orElseThrow();
        assertThat(run.status()).isEqualTo("done");
        assertThat(run.requestedBy()).isEqualTo("system");
        assertThat(run.k()).isZero();
        assertThat(run.signals()).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_theme", Long.class))
                .isEqualTo(60);
    }
}
