package io.earshot.programme;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The programme module's settings. */
@Configuration
class ProgrammeConfiguration {

    /**
     * How much customer exposure each leader should have: {@code earshot.programme.exposure-target}, e.g. {@code 2h/6w}
     * (the default: two hours every six weeks). A malformed value stops the start with a message giving the form.
     */
    @Bean
    ExposureTarget exposureTarget(@Value("${earshot.programme.exposure-target:2h/6w}") String target) {
        try {
            return ExposureTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("earshot.programme.exposure-target: " + e.getMessage(), e);
        }
    }
}
