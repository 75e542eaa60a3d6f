package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Themes against the 77 known intents of banking77's training split (src/test/resources/banking77, CC BY 4.0, see its
 * SOURCE.md). The target is NMI ≥ 0.85 at k = 77: spectral clustering of BGE-small vectors reaches 0.853
 * (k-means on the same vectors, 0.82). Embedding the 10,003 texts takes half a minute to three minutes; the vectors are
 * computed once per class.
 */
class ThemeQualityTests {

    static final List<String> texts = new ArrayList<>();
    static int[] intents;
    static List<float[]> vectors;

    @BeforeAll
    static void embed() throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream in = ThemeQualityTests.class.getResourceAsStream("/banking77/train.csv");
                CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new String(in.readAllBytes(), "UTF-8"))) {
            csv.stream().skip(1).forEach(record -> {
                texts.add(record.getField(0));
                labels.add(ids.computeIfAbsent(record.getField(1), intent -> ids.size()));
            });
        }
        intents = labels.stream().mapToInt(Integer::intValue).toArray();
        Embedder embedder = Embedder.shared();
        float[][] embedded = new float[texts.size()][];
        IntStream.range(0, texts.size()).parallel().forEach(i -> embedded[i] = embedder.embed(texts.get(i)));
        vectors = List.of(embedded);
        assertThat(ids).hasSize(77);
    }

    @Test
    void with77ThemesTheThemesMatchTheIntents() {
        Themes themes = ThemeDiscovery.discover(texts, vectors, 77);

        double nmi = ClusterAgreement.nmi(intents, themes.themeIds());
        double ari = ClusterAgreement.ari(intents, themes.themeIds());
        System.out.printf("banking77 train, k = 77: NMI %.4f, ARI %.4f%n", nmi, ari);
        assertThat(nmi).isGreaterThanOrEqualTo(0.85);
        assertThat(ari).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    void withAnAutomaticNumberTheThemesStillFollowTheIntents() {
        Themes themes = ThemeDiscovery.discover(texts, vectors);

        double nmi = ClusterAgreement.nmi(intents, themes.themeIds());
        double ari = ClusterAgreement.ari(intents, themes.themeIds());
        System.out.printf("banking77 train, automatic k = %d: NMI %.4f, ARI %.4f%n", themes.k(), nmi, ari);
        assertThat(themes.automatic()).isTrue();
        assertThat(themes.k()).isBetween(2, 200);
    }
}
