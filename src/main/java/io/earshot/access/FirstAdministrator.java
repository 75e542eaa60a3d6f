package io.earshot.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default password: when the server starts on a store without users, it prints a one-time link that creates the first administrator. {@code earshot users add --admin} does the same from
 * the command line. It runs after the demo loader has created the demo users (order 100), if it does.
 */
@Component
@ConditionalOnWebApplication
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Users users;

    FirstAdministrator(Users users) {
        this.users = users;
    }

    @Order(100)
    @EventListener(ApplicationReadyEvent.class)
    public void printSetupLink(ApplicationReadyEvent event) {
        users.setupLink().ifPresent(token -> {
            int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                    ? web.getWebServer().getPort()
                    : 8080;
            log.warn(
                    "Earshot has no users. Create the first administrator at http://localhost:{}/setup?token={}"
                            + " (one-time set-up token: {}), or run: java -jar target/earshot.jar users add --admin --email YOU",
                    port,
                    token,
                    token);
        });
    }
}
