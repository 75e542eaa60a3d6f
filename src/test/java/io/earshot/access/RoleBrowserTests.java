package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.earshot.Chromium;
import io.earshot.TemporaryStore;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium, on the demo company: a newcomer steps into each demo role from the sign-in page with one click,
 * sees demo mode marked, finds in the navigation exactly the sections the role should see, opens them, and is refused
 * the others.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=true")
@TemporaryStore
class RoleBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Section path to its label, as the navigation shows them. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("/", "Overview");
        SECTIONS.put("/breakdown", "Breakdown");
        SECTIONS.put("/dips", "Dips");
        SECTIONS.put("/drivers", "Drivers");
        SECTIONS.put("/verbatims", "Verbatims");
        SECTIONS.put("/search", "Search");
        SECTIONS.put("/themes", "Themes");
        SECTIONS.put("/programmes", "Programmes");
        SECTIONS.put("/closeness", "Closeness");
        SECTIONS.put("/imports", "Imports");
        SECTIONS.put("/admin", "Admin");
    }

    /** What each role should see: the product's decision, written out here rather than read from AccessRules. */
    static final Map<Role, List<String>> EXPECTED = Map.of(
            Role.ADMINISTRATOR,
                    List.of(
                            "Overview",
                            "Breakdown",
                            "Dips",
                            "Drivers",
                            "Verbatims",
                            "Search",
                            "Themes",
                            "Programmes",
                            "Closeness",
                            "Imports",
                            "Admin"),
            Role.ANALYST,
                    List.of(
                            "Overview",
                            "Breakdown",
                            "Dips",
                            "Drivers",
                            "Verbatims",
                            "Search",
                            "Themes",
                            "Programmes",
                            "Closeness",
                            "Imports"),
            Role.PROGRAMME_MANAGER,
                    List.of(
                            "Overview",
                            "Breakdown",
                            "Dips",
                            "Drivers",
                            "Verbatims",
                            "Search",
                            "Themes",
                            "Programmes",
                            "Closeness"),
            Role.LEADER,
                    List.of(
                            "Overview",
                            "Breakdown",
                            "Dips",
                            "Drivers",
                            "Verbatims",
                            "Search",
                            "Themes",
                            "Programmes",
                            "Closeness"),
            Role.FACILITATOR,
                    List.of(
                            "Overview",
                            "Breakdown",
                            "Dips",
                            "Drivers",
                            "Verbatims",
                            "Search",
                            "Themes",
                            "Programmes",
                            "Closeness"),
            Role.FRONTLINE,
                    List.of("Overview", "Breakdown", "Dips", "Drivers", "Verbatims", "Search", "Themes", "Closeness"),
            Role.ACCOUNT_MANAGER,
                    List.of("Overview", "Breakdown", "Dips", "Drivers", "Verbatims", "Search", "Themes", "Closeness"),
            Role.VIEWER, List.of("Overview", "Breakdown", "Dips", "Drivers", "Closeness"));

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachDemoRoleSeesItsPagesAndNotTheOthers(Role role) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.url()).endsWith("/signin");
            assertThat(page.locator(".demo-banner").isVisible()).isTrue();

            page.locator(".demo-users button[data-role='" + role.label() + "']").click();
            page.waitForURL(url -> !url.contains("/signin"));
            assertThat(java.net.URI.create(page.url()).getPath()).isEqualTo("/");

            List<String> navigation = page.locator("header nav a").allTextContents().stream()
                    .map(String::strip)
                    .toList();
            assertThat(navigation).as("navigation of %s", role).isEqualTo(EXPECTED.get(role));
            assertThat(page.locator(".demo-banner").isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("role-" + role.name().toLowerCase(java.util.Locale.ROOT) + ".png"))
                    .setFullPage(true));

            for (var section : SECTIONS.entrySet()) {
                Response response = page.navigate("http://localhost:" + port + section.getKey());
                boolean expected = EXPECTED.get(role).contains(section.getValue());
                assertThat(response.status())
                        .as("%s opening %s", role, section.getKey())
                        .isEqualTo(expected ? 200 : 403);
                assertThat(page.locator(".demo-banner").isVisible()).isTrue();
            }

            page.locator("header form.who button").click();
            page.waitForURL("**/signin?signedOut");
            Response after = page.navigate("http://localhost:" + port + "/");
            assertThat(page.url()).endsWith("/signin");
            assertThat(after.status()).isEqualTo(200);
        }
    }
}
