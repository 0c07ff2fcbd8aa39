package io.intellisite.indexer.domain.token;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.user.Role;
import java.time.Instant;

/**
 * The claims of a bearer token. {@code sub} is {@code username:<name>} as in the prototype, so tokens
 * name the credential used, not only the user. {@code authTime} is when the password was last given (OpenID
 * Connect's {@code auth_time}): renewed tokens keep it, so a session ends however often it is renewed.
 */
public record TokenClaims(String subject, String name, String lastname, String email, Role role,
                          String issuer, String audience, Instant issuedAt, Instant expiresAt, Instant authTime) {
    public static final String SUBJECT_PREFIX = "username:";

    /** The claims of a token issued for a password just given. */
    public TokenClaims(String subject, String name, String lastname, String email, Role role,
                       String issuer, String audience, Instant issuedAt, Instant expiresAt) {
        this(subject, name, lastname, email, role, issuer, audience, issuedAt, expiresAt, issuedAt);
    }

    public TokenClaims {
        subject = Require.text(subject, "sub", 100);
        if (!subject.startsWith(SUBJECT_PREFIX) || subject.length() == SUBJECT_PREFIX.length()) {
            throw new InvalidValueException("sub must be username:<name>");
        }
        name = Require.text(name, "name", 100);
        lastname = Require.text(lastname, "lastname", 100);
        email = Require.text(email, "email", 254);
        Require.present(role, "role");
        issuer = Require.text(issuer, "iss", 200);
        audience = Require.text(audience, "aud", 200);
        Require.present(issuedAt, "iat");
        Require.present(expiresAt, "exp");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new InvalidValueException("exp must be after iat");
        }
        Require.present(authTime, "auth_time");
        if (authTime.isAfter(issuedAt)) {
            throw new InvalidValueException("auth_time must not be after iat");
        }
    }

    public String username() {
        return subject.substring(SUBJECT_PREFIX.length());
    }
}
