package io.intellisite.indexer.adapters.http.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.intellisite.indexer.application.model.AlertEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFramesTest {
    @Test
    void subscribersOfOneAlertShareOneEncodedFrame() {
        AlertFrames frames = new AlertFrames();
        AlertEvent event = new AlertEvent("0-1", "Kia", List.of("SUV"), List.of("r"), "{\"Make\":\"Kia\"}");
        byte[] first = frames.frame(event);
        assertSame(first, frames.frame(event));
        AlertEvent equalButOther = new AlertEvent("0-1", "Kia", List.of("SUV"), List.of("r"), "{\"Make\":\"Kia\"}");
        assertArrayEquals(first, frames.frame(equalButOther));
    }
}
