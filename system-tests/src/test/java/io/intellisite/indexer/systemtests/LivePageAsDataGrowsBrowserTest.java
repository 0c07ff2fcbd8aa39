package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 23, points 4 and 5: the live page with a thousand alerts and thousands of detections, one make far ahead of
 * the others. Every bar of the per-make chart fits its track and the largest fills it, every alert's number shows
 * whole, the detections table opens on the newest and takes a new one in by itself, and the timeline draws the top
 * makes per minute and marks a windowed rule's alert.
 */
class LivePageAsDataGrowsBrowserTest {
    private static final int DETECTIONS = 3_000;

    @Test
    void thePageReadsWellAsDataGrows(@TempDir Path dir) throws Exception {
        String run = "webgrow" + System.nanoTime();
        Map<String, String> s = TestInfrastructure.productSettings(dir, run);
        TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            WebDriver browser = LivePageBrowserTest.chromium(dir);
            try {
                LivePageBrowserTest.Page page = new LivePageBrowserTest.Page(browser, app.httpPort());
                LivePageBrowserTest.logInAsAdmin(page);
                page.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
                int suvs = produce(s.get("DETECTIONS_TOPIC"));
                page.until(ExpectedConditions.textToBe(By.id("alert-count"), String.valueOf(suvs)));
                JavascriptExecutor js = (JavascriptExecutor) browser;
                assertEquals("#" + suvs, browser.findElement(By.cssSelector("#alerts li .alert-number")).getText());
                Object clipped = js.executeScript("""
                        const list = document.getElementById('alerts').getBoundingClientRect();
                        return [...document.querySelectorAll('#alerts .alert-number')]
                            .filter(n => n.getBoundingClientRect().left < list.left || n.scrollWidth > Math.ceil(n.getBoundingClientRect().width))
                            .map(n => n.textContent);""");
                assertEquals(List.of(), clipped, "alert numbers cut");

                page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart .bar-row"), 8));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats-total"), "3,000 in all"));
                Object bars = js.executeScript("""
                        return [...document.querySelectorAll('#chart .bar-row')].map(row => {
                            const track = row.querySelector('.bar-track').getBoundingClientRect();
                            const bar = row.querySelector('.bar').getBoundingClientRect();
                            const count = row.querySelector('.bar-count');
                            return [row.querySelector('.bar-label').textContent, Math.round(track.right - bar.right),
                                    count.scrollWidth <= count.clientWidth ? 'count whole' : 'count cut'];
                        });""");
                for (Object row : (List<?>) bars) {
                    List<?> r = (List<?>) row;
                    long gap = ((Number) r.get(1)).longValue();
                    assertTrue(gap >= 0, "the bar of " + r.get(0) + " overflows its track: " + bars);
                    assertEquals("count whole", r.get(2), "the count of " + r.get(0));
                    if (r.get(0).equals("Toyota")) {
                        assertTrue(gap <= 1, "the largest count fills its track: " + bars);
                    }
                }

                page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#detections tr"), 20));
                LivePageBrowserTest.produce(s.get("DETECTIONS_TOPIC"), new Detection(2024, "Newest", "Last", "Sedan"));
                page.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#detections tr:first-child"), "Newest"));

                page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-legend"), "Toyota"));
                assertTrue(browser.findElements(By.cssSelector("#timeline polyline")).size() >= 2, "a line per top make");

                // A windowed rule's alert is told apart in the list and marked on the timeline.
                String token = ProductClient.adminToken(app.httpPort());
                var created = ProductClient.send("POST", app.httpPort(), "/rules", token, """
                        {"name": "Pickup bursts", "conditions": {"category": ["Pickup"]},
                         "window": {"count": 3, "within": "PT1M", "groupBy": "make"}}""");
                assertEquals(201, created.statusCode(), created.body());
                for (int i = 0; i < 3; i++) {
                    LivePageBrowserTest.produce(s.get("DETECTIONS_TOPIC"), new Detection(2024, "Ram", "1500", "Pickup"));
                }
                page.until(ExpectedConditions.textToBe(By.id("alert-count"), String.valueOf(suvs + 1)));
                assertEquals("3 within PT1M (make ram)", browser.findElement(By.cssSelector("#alerts li.windowed .window")).getText());
                page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline line.window-mark"), 1));
                Files.write(Path.of("target", "live-page-grown.png"),
                        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    /** Half Toyotas, the rest over seven other makes; two in five are SUVs (alerts). Returns how many SUVs. */
    private static int produce(String topic) throws Exception {
        int suvs = 0;
        try (var producer = TestInfrastructure.producer()) {
            for (int i = 0; i < DETECTIONS; i++) {
                boolean suv = i % 5 < 2;
                suvs += suv ? 1 : 0;
                Detection d = new Detection(2020, i % 2 == 0 ? "Toyota" : "Make " + i % 7, "M" + i, suv ? "SUV" : "Sedan");
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(d)));
            }
            producer.flush();
        }
        return suvs;
    }
}
