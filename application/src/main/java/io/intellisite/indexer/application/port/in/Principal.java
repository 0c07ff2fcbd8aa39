package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;

/** Who is calling, as proven by a verified token. */
public record Principal(TokenClaims claims) {
    public String username() {
        return claims.username();
    }

    public boolean isAdmin() {
        return claims.role() == Role.ADMIN;
    }

    /** The one policy for actions only an admin may take: anyone else gets {@link AccessDeniedException}. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException();
        }
    }
}
