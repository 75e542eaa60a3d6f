package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.earshot.Chromium;
import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chromium, on a store of 240 real customer messages (eight banking77 intents over the last two months),
 * embedded, indexed and with themes discovered: search, then open the themes and one theme's verbatims.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ThemeBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static final List<String> INTENTS = List.of(
            "card_arrival",
            "exchange_rate",
            "age_limit",
            "atm_support",
            "cancel_transfer",
            "passcode_forgotten",
            "top_up_limits",
            "lost_or_stolen_card");

    static Chromium chromium;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void searchesThenOpensAThemeAndReadsItsVerbatims() {
        storeEmbedIndexAndDiscover();
        WebSession.user(context, "analyst@browser.test", Role.ANALYST);
        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.navigate(url("/signin"));
        page.fill("input[name=email]", "analyst@browser.test");
        page.fill("input[name=password]", WebSession.PASSWORD);
        page.click("button[type=submit]:text-is('Sign in')");
        page.waitForURL(url("/"));

        page.navigate(url("/search?q=exchange"));
        assertThat(Integer.parseInt(
                        page.locator("[data-testid=total]").textContent().strip()))
                .isPositive();

        page.click("header nav a:text-is('Themes')");
        page.waitForURL(url("/themes"));
        int themes = page.locator("[data-testid=themes] tbody tr").count();
        assertThat(themes)
                .isEqualTo(context.getBean(StoredThemes.class).all().stream()
                        .filter(StoredTheme::isActive)
                        .count());
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("themes-desktop.png"))
                .setFullPage(true));

        String label = page.locator("[data-testid=themes] tbody tr a").first().textContent();
        page.locator("[data-testid=themes] tbody tr a").first().click();
        page.waitForSelector("#theme-trend[data-ready=true]");
        assertThat(page.locator("[data-testid=theme-label]").textContent()).contains(label);
        assertThat(page.locator("[data-testid=representative]").count()).isEqualTo(3);
        assertThat(page.locator("[data-testid=verbatim]").count()).isGreaterThan(10);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("theme-desktop.png"))
                .setFullPage(true));

        page.setViewportSize(390, 844);
        page.navigate(url("/themes"));
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("the themes page fits a phone's width (the table scrolls inside its frame)")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("themes-phone.png"))
                .setFullPage(true));
    }

    private void storeEmbedIndexAndDiscover() {
        List<StoredSignals.Signal> signals = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String intent : INTENTS) {
            List<String> texts = BankingTexts.of(intent, 0, 30);
            for (int i = 0; i < texts.size(); i++) {
                signals.add(signal().text(texts.get(i))
                        .at(today.minusDays(1 + i * 2L).toString())
                        .nps(i % 11));
            }
        }
        StoredSignals.insert(jdbc, signals);
        context.getBean(SignalEmbeddings.class).embedMissing();
        context.getBean(SearchIndex.class).rebuild(status -> {});
        ThemeRun run = context.getBean(ThemeCatalogue.class).discoverNow(0, 90, "test", p -> {});
        assertThat(run.signals()).isEqualTo(240);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
