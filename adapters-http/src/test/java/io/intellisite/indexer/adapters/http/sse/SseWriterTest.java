package io.intellisite.indexer.adapters.http.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
}
