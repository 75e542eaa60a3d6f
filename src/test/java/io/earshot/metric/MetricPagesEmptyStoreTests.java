package io.earshot.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class MetricPagesEmptyStoreTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/breakdown", "/verbatims", "/drivers"})
    void everyPagePointsAnEmptyStoreAtImportsAndTheDemo(String path) {
        HttpResponse<String> page =
                WebSession.as(context, port, "analyst@test.dev", Role.ANALYST).get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("No signals yet.", "href=\"/imports\">Imports page</a>")
                .contains("java -jar target/earshot.jar demo");
    }
}
