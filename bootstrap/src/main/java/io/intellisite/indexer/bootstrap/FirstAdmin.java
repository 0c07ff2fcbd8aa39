package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.application.port.in.user.CreateFirstAdminUseCase;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.domain.DomainException;
import java.io.PrintStream;

/**
 * Creates the first admin from ADMIN_USERNAME/ADMIN_PASSWORD, or admin/admin in the embedded demo only; a run that is
 * not the demo does not start without any user, and every start says so while the demo's password still opens admin.
 */
final class FirstAdmin {
    static final String DEMO_USERNAME = "admin";
    static final String DEMO_PASSWORD = "admin";

    private FirstAdmin() {
    }

    static void create(ProductSettings.Accounts settings, boolean demo, CreateFirstAdminUseCase useCase, PrintStream err) {
        var username = settings.adminUsername();
        var password = settings.adminPassword();
        boolean createdDemoAdmin = false;
        if (username.isEmpty() && password.isEmpty()) {
            if (demo) {
                createdDemoAdmin = useCase.createIfNoUserExists(DEMO_USERNAME, DEMO_PASSWORD);
            } else if (useCase.noUserExists()) {
                throw new StartupException("ADMIN_PASSWORD", "no user exists yet, and outside the embedded demo there is no"
                        + " default one: set ADMIN_USERNAME and ADMIN_PASSWORD (8 characters or more) for the first admin");
            }
        } else if (username.isEmpty() || password.isEmpty()) {
            throw new StartupException(username.isEmpty() ? "ADMIN_USERNAME" : "ADMIN_PASSWORD",
                    "must be set together with " + (username.isEmpty() ? "ADMIN_PASSWORD" : "ADMIN_USERNAME"));
        } else {
            if (!demo && password.get().length() < 8) {
                throw new StartupException("ADMIN_PASSWORD", "must be at least 8 characters");
            }
            boolean created;
            try {
                created = useCase.createIfNoUserExists(username.get(), password.get());
            } catch (DomainException e) {
                throw new StartupException("ADMIN_USERNAME", e.getMessage());
            }
            if (!created && !useCase.stillHasPassword(username.get(), password.get())) {
                err.println("WARNING: ADMIN_USERNAME/ADMIN_PASSWORD only create the first admin, and users exist already:"
                        + " they changed nothing. Change a password with POST /users/me/password.");
            }
        }
        // One password check (a fraction of a second) per start, so that the demo's password is never forgotten.
        if (createdDemoAdmin || useCase.stillHasPassword(DEMO_USERNAME, DEMO_PASSWORD)) {
            err.println("""
                    ********************************************************************
                    WARNING: the user 'admin' has the demo password 'admin'%s.
                    Anyone who can reach this port can log in as an admin. Create your
                    own admin (POST /users) and stop using this one before real use.
                    ********************************************************************""".formatted(createdDemoAdmin ? " (created now)" : ""));
        }
    }
}
