package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerbatimLinksTests {

    @Test
    void writesFieldsDatesBandAndScoreAsQueryParameters() {
        SignalFilter filter = SignalFilter.ALL
                .with("region", "North East")
                .between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1))
                .withBand(SignalFilter.Band.POC);

        assertThat(VerbatimLinks.href(filter, VerbatimScore.NPS))
                .isEqualTo("/verbatims?f.region=North%20East&from=2025-03-01&to=2025-04-01&band=poc&score=nps");
    }

    @Test
    void readsBackTheQueryItWrote() {
        SignalFilter filter = new SignalFilter(
                Map.of("attributes.plan", "gold & silver", "segment", ""),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 1),
                SignalFilter.Band.DETRACTOR,
                "too slow");
        VerbatimQuery query = new VerbatimQuery(filter, VerbatimScore.CSAT, 3);

        assertThat(VerbatimLinks.query(parameters(VerbatimLinks.href(query)))).isEqualTo(query);
    }

    @Test
    void addsTheFilterOfAFieldAndValuePair() {
        VerbatimQuery query =
                VerbatimLinks.query(Map.of("field", "attributes.plan", "value", "gold", "f.region", "North"));

        assertThat(query.filter().fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of("attributes.plan", "gold", "region", "North"));
    }

    @Test
    void rejectsAnUnknownBandListingTheAcceptedOnes() {
        assertThatThrownBy(() -> VerbatimLinks.query(Map.of("band", "angry")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Unknown band 'angry'; use one of promoter, passive, detractor, satisfied, unsatisfied, poc");
    }

    @Test
    void rejectsAnUnknownFieldListingTheAcceptedOnes() {
        assertThatThrownBy(() -> VerbatimLinks.query(Map.of("f.colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown field 'colour' in filter; use one of source, channel");
    }

    @Test
    void rejectsADateThatIsNotADay() {
        assertThatThrownBy(() -> VerbatimLinks.query(Map.of("from", "March")))
                .hasMessage("'from' must be a date written YYYY-MM-DD, e.g. 2025-03-01, not 'March'");
    }

    @Test
    void rejectsAPageBelowOne() {
        assertThatThrownBy(() -> VerbatimLinks.query(Map.of("page", "0")))
                .hasMessage("The page must be 1 or more, not 0");
    }

    private static Map<String, String> parameters(String href) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : href.substring(href.indexOf('?') + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
