package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutomaticMappingTests {

    @Test
    void recognisesSurveyQuestionsAsScoresAndOpenAnswersAsText() {
        assertThat(AutomaticMapping.guess("How likely are you to recommend us to a friend?"))
                .isEqualTo(ImportField.NPS);
        assertThat(AutomaticMapping.guess("Overall, how satisfied were you?")).isEqualTo(ImportField.CSAT);
        assertThat(AutomaticMapping.guess("How much effort did you personally have to put forth?"))
                .isEqualTo(ImportField.CES);
        assertThat(AutomaticMapping.guess("What is the main reason for your score?"))
                .isEqualTo(ImportField.TEXT);
        assertThat(AutomaticMapping.guess("Why did you give us that rating?")).isEqualTo(ImportField.TEXT);
        assertThat(AutomaticMapping.guess("Is there anything else you would like to tell us?"))
                .isEqualTo(ImportField.TEXT);
    }

    @Test
    void matchesExportHeadersIgnoringCaseSpacesAndPunctuation() {
        assertThat(AutomaticMapping.guess("Created At")).isEqualTo(ImportField.OCCURRED_AT);
        assertThat(AutomaticMapping.guess("created_at")).isEqualTo(ImportField.OCCURRED_AT);
        assertThat(AutomaticMapping.guess("RESPONSE-ID")).isEqualTo(ImportField.EXTERNAL_ID);
        assertThat(AutomaticMapping.guess("Customer ID")).isEqualTo(ImportField.CUSTOMER_ID);
    }

    @Test
    void leavesUnknownHeadersAsAttributes() {
        assertThat(AutomaticMapping.guess("Plan")).isNull();
        assertThat(AutomaticMapping.guess("Browser version")).isNull();
    }
}
