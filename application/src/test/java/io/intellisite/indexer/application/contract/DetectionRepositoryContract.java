package io.intellisite.indexer.application.contract;

import static io.intellisite.indexer.application.contract.Fixtures.detection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DetectionRepository} must do; run against the in-memory and the PostgreSQL adapter. */
public abstract class DetectionRepositoryContract {
    protected DetectionRepository repository;

    protected abstract DetectionRepository emptyRepository();

    @BeforeEach
    void setUp() {
        repository = emptyRepository();
    }

    @Test
    void storesEachDetectionOnceAndCountsOnlyNewOnes() {
        List<IndexedDetection> batch = List.of(detection(0, 0, "Toyota", "SUV"), detection(0, 1, "Ford", "Sedan"),
                detection(1, 0, "Toyota", "SUV, Wagon"));
        assertEquals(3, repository.store(batch));
        // A replay after a crash overlaps what was stored: only the new record counts.
        assertEquals(1, repository.store(List.of(batch.get(1), detection(1, 1, "Audi", "Sedan"))));
        assertEquals(List.of(new MakeCount("Audi", 1), new MakeCount("Ford", 1), new MakeCount("Toyota", 2)),
                repository.countsByMake());
        assertEquals(4, repository.find(DetectionQuery.firstPage(100)).items().size());
    }

    /** The topic was deleted and created again (or the cluster replaced): its offsets start again from 0. */
    @Test
    void recordsAtTheSameOffsetsOfATopicCreatedAgainAreNewDetections() {
        UUID recreated = UUID.randomUUID();
        assertEquals(2, repository.store(List.of(detection(0, 0, "Toyota", "SUV"), detection(0, 1, "Ford", "Sedan"))));
        assertEquals(2, repository.store(List.of(detection(recreated, 0, 0, "Audi", "SUV"), detection(recreated, 0, 1, "Audi", "Sedan"))));
        assertEquals(0, repository.store(List.of(detection(recreated, 0, 1, "Audi", "Sedan"))), "a replay is still one");
        assertEquals(List.of(new MakeCount("Audi", 2), new MakeCount("Ford", 1), new MakeCount("Toyota", 1)), repository.countsByMake());
    }

    /** Rows from before topic ids were recorded take the id of the topic of their name, once: a replay is known. */
    @Test
    void rowsStoredBeforeTopicIdsAreAdoptedOnceByTheTopicOfTheirName() {
        UUID unrecorded = SourcePosition.UNRECORDED_TOPIC_ID;
        repository.store(List.of(detection(unrecorded, 0, 0, "Toyota", "SUV"), detection(unrecorded, 0, 1, "Ford", "Sedan")));
        assertEquals(2, repository.adoptUnrecordedRows("intellisite.detections", Fixtures.TOPIC_ID));
        assertEquals(0, repository.adoptUnrecordedRows("intellisite.detections", UUID.randomUUID()), "once per topic name");
        assertEquals(0, repository.store(List.of(detection(0, 1, "Ford", "Sedan"))), "the record read again after the upgrade");
        assertEquals(1, repository.store(List.of(detection(0, 2, "Ford", "Sedan"))));
        assertEquals(Fixtures.TOPIC_ID, repository.find(DetectionQuery.firstPage(1)).items().getFirst().detection().source().topicId());
    }

    @Test
    void emptyRepositoryHasNoPageAndNoCounts() {
        DetectionPage page = repository.find(DetectionQuery.firstPage(10));
        assertTrue(page.items().isEmpty());
        assertEquals(Optional.empty(), page.nextAfter());
        assertEquals(List.of(), repository.countsByMake());
    }

    @Test
    void pagesInIngestionOrderByOffsetAndByCursorAlike() {
        List<IndexedDetection> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(detection(0, i, i % 2 == 0 ? "Toyota" : "Ford", i % 3 == 0 ? "SUV" : "Sedan"));
        }
        repository.store(all.subList(0, 10));
        repository.store(all.subList(10, 25));
        assertEquals(all, walk(DetectionQuery.firstPage(7)));
        var offsetPage = repository.find(new DetectionQuery(new PageRequest(20, 10), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(all.subList(20, 25), offsetPage.items().stream().map(DetectionPage.Entry::detection).toList());
        assertEquals(Optional.empty(), offsetPage.nextAfter());
    }

    @Test
    void pagesNewestFirstByOffsetAndByCursorAlike() {
        List<IndexedDetection> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(detection(0, i, i % 2 == 0 ? "Toyota" : "Ford", "SUV"));
        }
        repository.store(all);
        assertEquals(all.reversed(), walk(new DetectionQuery(new PageRequest(0, 7), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true)));
        var toyotas = repository.find(new DetectionQuery(new PageRequest(2, 3), Optional.empty(), Optional.of("toyota"), Optional.empty(),
                Optional.empty(), Optional.empty(), true));
        assertEquals(List.of(20L, 18L, 16L), toyotas.items().stream().map(e -> e.detection().source().offset()).toList());
    }

    /** Every page from {@code query} on, following each page's cursor. */
    private List<IndexedDetection> walk(DetectionQuery query) {
        List<IndexedDetection> viaCursor = new ArrayList<>();
        while (true) {
            DetectionPage page = repository.find(query);
            page.items().forEach(e -> viaCursor.add(e.detection()));
            if (page.nextAfter().isEmpty()) {
                return viaCursor;
            }
            query = query.after(page.nextAfter().get());
        }
    }

    @Test
    void filtersByMakeAndCategoryIgnoringCase() {
        repository.store(List.of(detection(0, 0, "Toyota", "SUV, Wagon"), detection(0, 1, "Ford", "SUV"),
                detection(0, 2, "Toyota", "Sedan")));
        var query = new DetectionQuery(new PageRequest(0, 10), Optional.empty(), Optional.of("toyota"),
                Optional.of("wagon"), Optional.empty(), Optional.empty());
        List<DetectionPage.Entry> items = repository.find(query).items();
        assertEquals(1, items.size());
        assertEquals(0, items.getFirst().detection().source().offset());
    }

    @Test
    void everyValueComesBackExactlyAsStored() {
        String make = "Citroën \"DS\"\t\\ 東風";
        String raw = "{\"Year\": 1955, \"Make\": \"Citro\\u00ebn \\\"DS\\\"\\t\\\\ 東風\", \"Model\": \"D\", "
                + "\"Category\": \"Sedan,  Classic \", \"extra\": [1, {\"a\": null}]}";
        List<IndexedDetection> batch = List.of(
                IndexedDetection.at(new SourcePosition("a.topic", Fixtures.TOPIC_ID, 5, 9_000_000_000L), Instant.parse("1999-12-31T23:59:59.999999Z"),
                        new Detection(1955, make, "D", "Sedan,  Classic "), raw),
                IndexedDetection.at(new SourcePosition("a.topic", Fixtures.TOPIC_ID, 5, 9_000_000_001L), Instant.parse("2026-11-25T06:00:00.000001Z"),
                        new Detection(2027, "Kia", "Ceed", "Hatchback"), "{}"));
        assertEquals(2, repository.store(batch));
        assertEquals(batch, repository.find(DetectionQuery.firstPage(10)).items().stream().map(DetectionPage.Entry::detection).toList());
        var classics = new DetectionQuery(new PageRequest(0, 10), Optional.empty(), Optional.empty(),
                Optional.of("classic"), Optional.empty(), Optional.empty());
        assertEquals(1, repository.find(classics).items().size());
        assertEquals(List.of(new MakeCount(make, 1), new MakeCount("Kia", 1)), repository.countsByMake());
    }
}
