package io.intellisite.indexer.adapters.persistence;

import static io.intellisite.indexer.application.contract.Fixtures.detection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.contract.AlertRuleRepositoryContract;
import io.intellisite.indexer.application.contract.DetectionRepositoryContract;
import io.intellisite.indexer.application.contract.DetectionStatsContract;
import io.intellisite.indexer.application.contract.UserRepositoryContract;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.application.port.out.BatchRefusedException;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapters pass the same contracts as the in-memory ones, on a real server. */
class JdbiRepositoriesTest {
    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository emptyRepository() {
            return new JdbiUserRepository(TestDatabase.empty().jdbi());
        }
    }

    @Nested
    class AlertRules extends AlertRuleRepositoryContract {
        @Override
        protected AlertRuleRepository emptyRepository() {
            return new JdbiAlertRuleRepository(TestDatabase.empty().jdbi());
        }
    }

    @Nested
    class DetectionStats extends DetectionStatsContract {
        @Override
        protected DetectionRepository emptyRepository() {
            return new JdbiDetectionRepository(TestDatabase.empty().jdbi());
        }
    }

    @Nested
    class Detections extends DetectionRepositoryContract {
        @Override
        protected DetectionRepository emptyRepository() {
            return new JdbiDetectionRepository(TestDatabase.empty().jdbi());
        }

        @Test
        void countsEqualAGroupByAfterOverlappingBatchesAndKeepExtraFields() {
            List<IndexedDetection> all = new ArrayList<>();
            String[] makes = {"Toyota", "Ford", "Audi", "BMW", "Kia", "audi"};
            for (int i = 0; i < 3000; i++) {
                all.add(detection(i % 6, i, makes[i % 7 % 6], "SUV"));
            }
            repository.store(all.subList(0, 2000));
            repository.store(all.subList(1500, 3000));
            Map<String, Long> groupBy = TestDatabase.get().jdbi().withHandle(h -> h
                    .createQuery("select make, count(*) as n from detections group by make")
                    .map((rs, ctx) -> Map.entry(rs.getString("make"), rs.getLong("n"))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(groupBy, repository.countsByMake().stream()
                    .collect(Collectors.toMap(MakeCount::make, MakeCount::count)));
            assertEquals(3000L, groupBy.values().stream().mapToLong(Long::longValue).sum());
        }

        @Test
        void aBatchWithContentPostgresqlCannotKeepIsRefusedAsSuchAndNothingOfItIsStored() {
            IndexedDetection good = detection(0, 1, "Toyota", "SUV");
            IndexedDetection bad = detection(0, 2, "Ford", "SUV");
            IndexedDetection notJson = new IndexedDetection(bad.id(), bad.source(), bad.detectedAt(), bad.detection(), "{not json");
            BatchRefusedException refused = assertThrows(BatchRefusedException.class, () -> repository.store(List.of(good, notJson)));
            assertTrue(refused.getMessage().startsWith("refused by PostgreSQL (SQLSTATE 22"), refused.getMessage());
            assertEquals(List.of(), repository.countsByMake());
            assertEquals(1, repository.store(List.of(good)));
        }

        @Test
        void aDatabaseThatCannotBeReachedIsNotARefusal() {
            var unreachable = new JdbiDetectionRepository(org.jdbi.v3.core.Jdbi.create("jdbc:postgresql://127.0.0.1:1/none"));
            RuntimeException e = assertThrows(RuntimeException.class, () -> unreachable.store(List.of(detection(0, 1, "Kia", "SUV"))));
            assertFalse(e instanceof BatchRefusedException);
        }
    }
}
