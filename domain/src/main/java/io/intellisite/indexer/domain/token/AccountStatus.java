package io.intellisite.indexer.domain.token;

import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserId;
import java.time.Instant;

/**
 * What decides, beside its signature, whether a token of an account still counts: the account exists, is enabled,
 * still has the role the token states, and the token is not older than the account's last revocation (a password
 * change, a disable or a role change).
 */
public record AccountStatus(UserId id, Role role, boolean disabled, Instant tokensValidAfter) {
    public AccountStatus {
        Require.present(id, "id");
        Require.present(role, "role");
        Require.present(tokensValidAfter, "tokensValidAfter");
    }

    public boolean accepts(TokenClaims claims) {
        return !disabled && claims.role() == role && !claims.issuedAt().isBefore(tokensValidAfter);
    }
}
