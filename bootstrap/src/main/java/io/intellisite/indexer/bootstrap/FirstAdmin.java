package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.application.port.in.user.CreateFirstAdminUseCase;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.domain.DomainException;

/** Creates the first admin from ADMIN_USERNAME/ADMIN_PASSWORD, or admin/admin in the embedded demo. */
final class FirstAdmin {
    private FirstAdmin() {
    }

    static void create(ProductSettings.Accounts settings, boolean demo, CreateFirstAdminUseCase useCase) {
        var username = settings.adminUsername();
        var password = settings.adminPassword();
        if (username.isEmpty() && password.isEmpty()) {
            if (demo && useCase.createIfNoUserExists("admin", "admin")) {
                System.err.println("""
                        ********************************************************************
                        WARNING: created the demo admin user 'admin' with password 'admin'.
                        Anyone who can reach this port can log in. Set ADMIN_USERNAME and
                        ADMIN_PASSWORD (or add users and retire this one) before real use.
                        ********************************************************************""");
            }
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            throw new StartupException(username.isEmpty() ? "ADMIN_USERNAME" : "ADMIN_PASSWORD",
                    "must be set together with " + (username.isEmpty() ? "ADMIN_PASSWORD" : "ADMIN_USERNAME"));
        }
        if (!demo && password.get().length() < 8) {
            throw new StartupException("ADMIN_PASSWORD", "must be at least 8 characters");
        }
        try {
            useCase.createIfNoUserExists(username.get(), password.get());
        } catch (DomainException e) {
            throw new StartupException("ADMIN_USERNAME", e.getMessage());
        }
    }
}
