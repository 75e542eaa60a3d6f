package io.earshot.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the access module needs with or without the web server (the command line manages users too). */
@Configuration
class AccessConfiguration {

    /** bcrypt, behind Spring's delegating encoder so that stored hashes say their algorithm ({@code {bcrypt}…}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
