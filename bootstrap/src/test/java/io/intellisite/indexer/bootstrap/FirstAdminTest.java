package io.intellisite.indexer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.inmemory.InMemoryPasswordHasher;
import io.intellisite.indexer.application.inmemory.InMemoryUserRepository;
import io.intellisite.indexer.application.service.user.CreateFirstAdminService;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19, point 5: no known password on a real deployment, and no start that forgets the demo's. */
class FirstAdminTest {
    private final CreateFirstAdminService useCase = new CreateFirstAdminService(new InMemoryUserRepository(), new InMemoryPasswordHasher());
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void start(Map<String, String> settings, boolean demo) {
        FirstAdmin.create(ProductSettings.from(Settings.load(settings)).accounts(), demo, useCase,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String warnings() {
        String text = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return text;
    }

    @Test
    void outsideTheDemoNoStartWithoutAnyUserAndNoDefaultAccount() {
        StartupException e = assertThrows(StartupException.class, () -> start(Map.of(), false));
        assertTrue(e.getMessage().startsWith("ADMIN_PASSWORD: no user exists yet"), e.getMessage());
        assertTrue(useCase.noUserExists());
        start(Map.of("ADMIN_USERNAME", "root", "ADMIN_PASSWORD", "root-password"), false);
        assertFalse(useCase.noUserExists());
        start(Map.of(), false);
        start(Map.of("ADMIN_USERNAME", "root", "ADMIN_PASSWORD", "root-password"), false);
        assertEquals("", warnings());
        start(Map.of("ADMIN_USERNAME", "root", "ADMIN_PASSWORD", "another-password"), false);
        assertTrue(warnings().contains("they changed nothing"), "a password set later is not silently ignored");
    }

    @Test
    void everyStartWarnsWhileTheDemosPasswordStillOpensAdmin() {
        start(Map.of(), true);
        assertTrue(warnings().contains("'admin' has the demo password 'admin' (created now)"));
        start(Map.of(), true);
        assertTrue(warnings().contains("'admin' has the demo password 'admin'."), "a later start says it again");
        start(Map.of(), false);
        assertTrue(warnings().contains("demo password"), "also once the same data runs as a real deployment");
    }

    @Test
    void demoIsAutoOrOff() {
        assertTrue(ProductSettings.Demo.from(Settings.load(Map.of())).allowed());
        assertFalse(ProductSettings.Demo.from(Settings.load(Map.of("DEMO", "OFF"))).allowed());
        assertEquals("DEMO: must be auto or off, not 'maybe'",
                assertThrows(StartupException.class, () -> ProductSettings.Demo.from(Settings.load(Map.of("DEMO", "maybe")))).getMessage());
    }
}
