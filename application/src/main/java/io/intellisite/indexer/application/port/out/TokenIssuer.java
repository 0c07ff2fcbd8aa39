package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.token.TokenClaims;

/** Signs claims into a bearer token. */
public interface TokenIssuer {
    String issue(TokenClaims claims);
}
