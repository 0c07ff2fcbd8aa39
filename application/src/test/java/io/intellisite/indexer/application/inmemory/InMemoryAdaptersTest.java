package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.contract.DetectionRepositoryContract;
import io.intellisite.indexer.application.contract.PasswordHasherContract;
import io.intellisite.indexer.application.contract.TokenContract;
import io.intellisite.indexer.application.contract.UserRepositoryContract;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.TokenPolicy;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters pass the same contracts as the real ones. */
class InMemoryAdaptersTest {
    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository emptyRepository() {
            return new InMemoryUserRepository();
        }
    }

    @Nested
    class Detections extends DetectionRepositoryContract {
        @Override
        protected DetectionRepository emptyRepository() {
            return new InMemoryDetectionRepository();
        }
    }

    @Nested
    class Hasher extends PasswordHasherContract {
        @Override
        protected PasswordHasher hasher() {
            return new InMemoryPasswordHasher();
        }
    }

    @Nested
    class Tokens extends TokenContract {
        private final InMemoryTokens tokens = new InMemoryTokens(TokenPolicy.ofMinutes(ISSUER, AUDIENCE, 30));

        @Override
        protected TokenIssuer issuer() {
            return tokens;
        }

        @Override
        protected TokenVerifier verifier() {
            return tokens;
        }
    }
}
