package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.contract.AlertFeedContract;
import io.intellisite.indexer.application.contract.AlertRulePublisherContract;
import io.intellisite.indexer.application.contract.AlertRuleRepositoryContract;
import io.intellisite.indexer.application.contract.DetectionRepositoryContract;
import io.intellisite.indexer.application.contract.DetectionStatsContract;
import io.intellisite.indexer.application.contract.PasswordHasherContract;
import io.intellisite.indexer.application.contract.TokenContract;
import io.intellisite.indexer.application.contract.UserRepositoryContract;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.util.List;
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
    class DetectionStats extends DetectionStatsContract {
        @Override
        protected DetectionRepository emptyRepository() {
            return new InMemoryDetectionRepository();
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
    class AlertRules extends AlertRuleRepositoryContract {
        @Override
        protected AlertRuleRepository emptyRepository() {
            return new InMemoryAlertRuleRepository();
        }
    }

    @Nested
    class AlertRuleTopic extends AlertRulePublisherContract {
        private final InMemoryAlertRuleTopic topic = new InMemoryAlertRuleTopic();

        @Override
        protected AlertRulePublisher publisher() {
            return topic;
        }

        @Override
        protected List<AlertRuleSource> runningInstances() {
            return List.of(topic, topic);
        }

        @Override
        protected AlertRuleSource startAnotherInstance() {
            return topic;
        }
    }

    @Nested
    class Alerts extends AlertFeedContract {
        private InMemoryAlertFeed feed;

        @Override
        protected AlertFeed feed(int capacity) {
            feed = new InMemoryAlertFeed(capacity);
            return feed;
        }

        @Override
        protected void publish(String make, int n) {
            feed.publish(make, List.of("SUV"), List.of("suspicious-vehicle"), "{\"n\":" + n + "}");
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
