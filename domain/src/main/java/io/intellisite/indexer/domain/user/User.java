package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.Require;

/** A person known to the system; how they log in is a separate {@link Credential}. */
public record User(UserId id, String name, String lastname, Email email, Role role) {
    public User {
        Require.present(id, "id");
        name = Require.text(name, "name", 100);
        lastname = Require.text(lastname, "lastname", 100);
        Require.present(email, "email");
        Require.present(role, "role");
    }
}
