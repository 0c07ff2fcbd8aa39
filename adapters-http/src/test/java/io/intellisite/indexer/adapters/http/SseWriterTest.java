package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.intellisite.indexer.application.model.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseWriterTest {
    private static String frame(String name, String id, String data) {
        return new String(SseWriter.frame(name, id, data), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineOfDataGetsItsOwnFieldSoNoValueCanInjectAnother() {
        assertEquals("event: alert\nid: 7\ndata: {\"a\":1}\n\n", frame("alert", "7", "{\"a\":1}"));
        assertEquals("event: alert\ndata: one\ndata: two\ndata: three\ndata: \n\n", frame("alert", null, "one\ntwo\r\nthree\r"));
        assertEquals("event: a b\nid: 1 id: 2\ndata: x\n\n", frame("a\nb", "1\rid: 2", "x"));
        assertEquals("event: alert\ndata: \n\n", frame("alert", null, ""));
    }

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
