package io.earshot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Earshot's Spring Boot application. {@link #main} hands the command line to {@link EarshotCommand}, which either serves
 * the web application or runs one command against the store.
 */
@SpringBootApplication
@EnableAsync
public class EarshotApplication {

    public static void main(String[] args) {
        int exitCode = EarshotCommand.execute(args);
        if (exitCode != EarshotCommand.SERVING) {
            System.exit(exitCode);
        }
    }
}
