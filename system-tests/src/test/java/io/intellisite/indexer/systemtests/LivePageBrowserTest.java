package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.Role;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * log in, see an alert produced after the page opened appear within seconds, see the chart and the table, and
 * as an admin add a rule, see it raise an alert, disable it and delete it.
 */
class LivePageBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Test
    void loggedInUserSeesANewAlertArriveAndTheChartRender(@TempDir Path dir) throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "this test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        String run = "web" + System.nanoTime();
        Map<String, String> s = TestInfrastructure.productSettings(dir, run);
        TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            WebDriver browser = chromium(dir);
            try {
                Page page = new Page(browser, app.httpPort());
                logInAsAdmin(page);
                page.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));

                produce(s.get("DETECTIONS_TOPIC"), new Detection(2021, "Land Rover", "Defender", "SUV, Wagon"));
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2019, "Ford", "Focus", "Sedan"));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Land Rover Defender"));
                assertEquals("1", browser.findElement(By.id("alert-count")).getText());

                page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart .bar-row"), 2));
                assertTrue(browser.findElement(By.id("chart")).getText().contains("Land Rover"));
                browser.findElement(By.id("first-page")).click();
                page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#detections tr"), 2));

                manageARule(page, s.get("DETECTIONS_TOPIC"));
                timeAlertsToTheScreen(browser, page, s.get("DETECTIONS_TOPIC"));
                Files.write(Path.of("target", "live-page.png"),
                        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * A browser's EventSource gives up for good when the server answers with an error status; the page must try
     * again by itself: here its stream is refused while the user's one allowed stream is held elsewhere, and
     * it goes live once that one closes, and shows the next alert.
     */
    @Test
    void aRefusedAlertStreamIsRetriedByThePageUntilItGetsAPlace(@TempDir Path dir) throws Exception {
        String run = "webretry" + System.nanoTime();
        Map<String, String> s = new java.util.HashMap<>(TestInfrastructure.productSettings(dir, run));
        s.put("SSE_MAX_STREAMS_PER_USER", "1");
        s.put("SSE_HEARTBEAT_SECONDS", "1"); // a stream notices its client left at its next write
        TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            String token = ProductClient.adminToken(app.httpPort());
            SseTestClient held = new SseTestClient(java.net.URI.create("http://127.0.0.1:" + app.httpPort() + "/alerts"),
                    Map.of("Authorization", "Bearer " + token));
            assertEquals(200, held.status());
            WebDriver browser = chromium(dir);
            try {
                Page page = new Page(browser, app.httpPort());
                logInAsAdmin(page);
                page.until(ExpectedConditions.textToBe(By.id("stream-state"), "closed, retrying"));
                held.close();
                page.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2015, "Jeep", "Wrangler", "SUV"));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Jeep Wrangler"));
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * Issue 19, point 4: the page renews its token before it expires, and when its stream ends with the old token it
     * carries on with the new one from its last alert: no login form, no alert missed or shown twice. The page starts
     * with a token that lives 12 s, minted here with the instance's key, so the test need not wait out JWT_EXPIRE.
     */
    @Test
    void thePageRenewsItsTokenAndItsStreamCarriesOnWithoutALogin(@TempDir Path dir) throws Exception {
        String run = "webrenew" + System.nanoTime();
        Map<String, String> s = TestInfrastructure.productSettings(dir, run);
        TestInfrastructure.emptyDatabase();
        TokenPolicy policy = ProductSettings.from(Settings.load(s)).tokens().policy();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            WebDriver browser = chromium(dir);
            try {
                Page page = new Page(browser, app.httpPort());
                browser.get("http://127.0.0.1:" + app.httpPort() + "/");
                Instant now = Instant.now();
                String shortLived = JwtTokens.hmac(s.get("JWT_KEY"), policy).issue(new TokenClaims("username:admin", "Admin",
                        "Admin", "admin@localhost", Role.ADMIN, policy.issuer(), policy.audience(), now, now.plusSeconds(12)));
                ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('token', arguments[0])", shortLived);
                browser.navigate().refresh();
                page.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2020, "Toyota", "Land Cruiser", "SUV"));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Toyota Land Cruiser"));

                Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusSeconds(14)).toMillis()));
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2022, "Kia", "Sorento", "SUV"));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Kia Sorento"));
                assertEquals("2", browser.findElement(By.id("alert-count")).getText(), "each alert once");
                assertTrue(!browser.findElement(By.id("login-form")).isDisplayed(), "no login asked for");
                String token = (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('token')");
                assertTrue(!shortLived.equals(token), "the page holds a renewed token");
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * Issue 22, point 4, measured once: detection (its record's timestamp) to the alert's line inserted in the page, for
     * five alerts on a warm instance. Printed, not asserted (a timing on this shared machine is a benchmark's figure,
     * BENCHMARKS.md); the figures must only exist and be sane.
     */
    private static void timeAlertsToTheScreen(WebDriver browser, Page page, String topic) throws Exception {
        try (var producer = TestInfrastructure.producer()) {
            for (int i = 1; i <= 5; i++) {
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(new Detection(2020, "Volvo", "XC90-" + i, "SUV")))).get();
                Thread.sleep(200);
            }
        }
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Volvo XC90-5"));
        Object shown = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#alerts li')].filter(li => li.textContent.includes('Volvo XC90-'))"
                        + ".map(li => Number(li.dataset.shownAt) - Date.parse(li.dataset.detectedAt));");
        List<Long> millis = ((List<?>) shown).stream().map(n -> ((Number) n).longValue()).sorted().toList();
        assertEquals(5, millis.size(), "each alert shown once");
        assertTrue(millis.getFirst() >= 0 && millis.getLast() < 30_000, "detection before display: " + millis);
        System.out.println("live page: detection -> alert shown, 5 alerts on a warm instance (ms): " + millis);
    }

    /** An admin adds a rule, sees it raise an alert named after it, disables it and deletes it. */
    private static void manageARule(Page page, String topic) throws Exception {
        WebDriver browser = page.browser();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "Suspicious vehicle: SUV"));
        browser.findElement(By.id("rule-name")).sendKeys("Old Fords");
        browser.findElement(By.id("rule-makes")).sendKeys("Ford");
        browser.findElement(By.id("rule-year-to")).sendKeys("2020");
        browser.findElement(By.id("add-rule")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "make in ford; year …–2020"));
        By fordRow = By.xpath("//tbody[@id='rules']/tr[td[1][text()='Old Fords']]");

        produce(topic, new Detection(2018, "Ford", "Fiesta", "Hatchback"));
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Ford Fiesta (Hatchback) rules: Old Fords"));

        browser.findElement(fordRow).findElement(By.className("toggle-rule")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(fordRow, "off"));
        browser.findElement(fordRow).findElement(By.className("delete-rule")).click();
        page.until(ExpectedConditions.alertIsPresent()).accept();
        page.until(ExpectedConditions.numberOfElementsToBe(fordRow, 0));
        assertEquals(1, browser.findElements(By.cssSelector("#rules tr")).size(), "only the seeded rule is left");
    }

    /** The browser on the product's page; a wait that times out says what the page and the instance were doing. */
    record Page(WebDriver browser, int port) {
        <T> T until(ExpectedCondition<T> condition) {
            long start = System.nanoTime();
            try {
                // A bound on liveness, not a speed target: two cores carry the broker, PostgreSQL, Kafka Streams
                // and Chromium, and with two busy loops beside them a first alert after a cold start took over 20 s.
                return new WebDriverWait(browser, Duration.ofSeconds(40)).until(condition);
            } catch (TimeoutException e) {
                String state = Stream.of("stream-state", "login-error", "alert-count")
                        .map(id -> id + "=" + browser.findElements(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("-"))
                        .collect(Collectors.joining(", "));
                String console = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                        .collect(Collectors.joining("\n  "));
                throw new AssertionError("after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + condition
                        + "\n page: " + state + "\n browser console:\n  " + console + "\n instance: "
                        + ProductClient.readiness("http://127.0.0.1:" + port + "/health/ready").body(), e);
            }
        }
    }

    static void logInAsAdmin(Page page) {
        WebDriver browser = page.browser();
        browser.get("http://127.0.0.1:" + page.port() + "/");
        assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed() && browser.findElement(By.id("login-form")).isDisplayed(),
                "before login only the login form shows");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-password");
        browser.findElement(By.id("login-button")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "(admin)"));
        assertTrue(browser.findElement(By.id("dashboard")).isDisplayed() && !browser.findElement(By.id("login-form")).isDisplayed(),
                "after login the dashboard shows and the login form does not");
    }

    static WebDriver chromium(Path dir) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void produce(String topic, Detection detection) throws Exception {
        try (var producer = TestInfrastructure.producer()) {
            producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(detection))).get();
        }
    }
}
