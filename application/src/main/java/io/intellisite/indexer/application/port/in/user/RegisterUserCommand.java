package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.Username;

/** What a new user needs; building it validates every field. */
public record RegisterUserCommand(String name, String lastname, Email email, Username username,
                                  RawPassword password, Role role) {
    public RegisterUserCommand {
        name = Require.text(name, "name", 100);
        lastname = Require.text(lastname, "lastname", 100);
        Require.present(email, "email");
        Require.present(username, "username");
        Require.present(password, "password");
        Require.present(role, "role");
    }

    /** From untrusted strings, as a client sends them; a missing role means viewer. */
    public static RegisterUserCommand of(String name, String lastname, String email, String username,
                                         String password, String role) {
        return new RegisterUserCommand(name, lastname, new Email(email), new Username(username),
                RawPassword.chosen(password), role == null ? Role.VIEWER : Role.fromWireName(role));
    }
}
