package io.intellisite.indexer.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.intellisite.indexer.adapters.http.alerts.archfixture.AlertsRouteReachingIntoStats;
import io.intellisite.indexer.application.port.out.archfixture.OutgoingPortTakingAnIncomingType;
import io.intellisite.indexer.domain.archfixture.DomainClassUsingJdbc;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's boundaries, checked on the compiled production classes of every module. */
class ArchitectureTest {
    private static final String ROOT = "io.intellisite.indexer";
    private static final String[] FRAMEWORKS = {"io.helidon..", "org.apache.kafka..", "org.jdbi..", "java.sql..",
        "javax.sql..", "org.postgresql..", "com.fasterxml.jackson..", "org.flywaydb..", "com.zaxxer.."};
    private static JavaClasses production;

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes().that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..")
            .as("domain depends only on the JDK");
    static final ArchRule APPLICATION_USES_ONLY_DOMAIN = classes().that().resideInAPackage(ROOT + ".application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application..")
            .as("application depends only on domain and the JDK");
    static final ArchRule NO_FRAMEWORK_IN_THE_CORE = noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .as("no Helidon, Kafka, JDBI, JDBC, Jackson or Flyway type in domain or application");
    // HTTP handlers and SSE streams run on virtual threads, over as many carriers as there are cores. On Java 21
    // (the oldest JDK the product runs on) one waiting in Object.wait pins its carrier.
    static final ArchRule NO_MONITOR_WAITS = noClasses().should().callMethod(Object.class, "wait")
            .orShould().callMethod(Object.class, "wait", long.class)
            .orShould().callMethod(Object.class, "wait", long.class, int.class)
            .as("no Object.wait (a virtual thread in it pins its carrier on Java 21): wait on a Condition instead");
    // Helidon's metrics registry wraps Micrometer's and takes the two locks in the opposite order of Micrometer's own
    // binders: a meter registered through it while a binder registers on its thread deadlocks both (MetricsHttpService).
    static final ArchRule METERS_THROUGH_MICROMETER_ONLY = noClasses().should().dependOnClassesThat().resideInAPackage("io.helidon.metrics..")
            .as("meters are registered through Micrometer only, never through Helidon's metrics (a lock-order deadlock)");
    // A type both directions carry lives in application.model: an adapter implementing an outgoing port must not be
    // built against the incoming API, nor a driving adapter against what the application needs from outside.
    static final ArchRule INCOMING_PORTS_APART_FROM_OUTGOING = noClasses().that().resideInAPackage(ROOT + ".application.port.in..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.port.out..")
            .as("incoming ports do not depend on outgoing ports");
    static final ArchRule OUTGOING_PORTS_APART_FROM_INCOMING = noClasses().that().resideInAPackage(ROOT + ".application.port.out..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.port.in..")
            .as("outgoing ports do not depend on incoming ports");
    static final ArchRule SHARED_MODEL_BELOW_THE_PORTS = noClasses().that().resideInAPackage(ROOT + ".application.model..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".application.port..", ROOT + ".application.service..")
            .as("the values both port directions carry depend on neither");

    // The HTTP adapter's routes, grouped by feature, share only what every route needs (json, security, sse): a
    // change to one feature's answers cannot reach another's.
    private static final String HTTP = ROOT + ".adapters.http.";
    private static final List<String> HTTP_FEATURES = List.of("alerts", "stats", "users", "detections", "rules", "docs");
    static final ArchRule HTTP_FEATURES_APART = CompositeArchRule.of(HTTP_FEATURES.stream()
            .map(feature -> (ArchRule) noClasses().that().resideInAPackage(HTTP + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(HTTP_FEATURES.stream().filter(f -> !f.equals(feature))
                            .map(f -> HTTP + f + "..").toArray(String[]::new)).allowEmptyShould(true))
            .toList()).as("the HTTP adapter's feature packages do not depend on each other");

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        DOMAIN_USES_ONLY_THE_JDK.check(production);
    }

    @Test
    void applicationDependsOnlyOnDomain() {
        APPLICATION_USES_ONLY_DOMAIN.check(production);
    }

    @Test
    void noFrameworkTypeInDomainOrApplication() {
        NO_FRAMEWORK_IN_THE_CORE.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching(ROOT + ".adapters.(*)..").should().notDependOnEachOther().check(production);
    }

    @Test
    void onlyBootstrapSeesTheAdaptersAndTheEmbeddedInfrastructure() {
        for (String adapter : new String[] {"http", "security", "persistence", "kafka"}) {
            noClasses().that().resideOutsideOfPackages(ROOT + ".adapters." + adapter + "..", ROOT + ".bootstrap..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapters." + adapter + "..")
                    .check(production);
        }
        noClasses().that().resideOutsideOfPackages(ROOT + ".embedded..", ROOT + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".embedded..")
                .check(production);
    }

    @Test
    void incomingAndOutgoingPortsDoNotDependOnEachOther() {
        INCOMING_PORTS_APART_FROM_OUTGOING.check(production);
        OUTGOING_PORTS_APART_FROM_INCOMING.check(production);
        SHARED_MODEL_BELOW_THE_PORTS.check(production);
    }

    @Test
    void httpFeaturesDoNotDependOnEachOther() {
        HTTP_FEATURES_APART.check(production);
    }

    @Test
    void metersGoThroughMicrometerOnly() {
        METERS_THROUGH_MICROMETER_ONLY.check(production);
    }

    @Test
    void noMonitorWaits() {
        NO_MONITOR_WAITS.check(production);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void theProductionImportReallyCoversEveryModule() {
        for (String pkg : new String[] {"domain", "application", "adapters.http", "adapters.security", "adapters.persistence", "adapters.kafka", "embedded", "bootstrap"}) {
            assertTrue(production.containPackage(ROOT + "." + pkg), pkg + " was imported");
        }
        HTTP_FEATURES.forEach(feature -> assertTrue(production.containPackage(HTTP + feature), "HTTP feature " + feature + " was imported"));
        assertFalse(production.contain(DomainClassUsingJdbc.class), "test fixtures stay out of the production import");
        assertFalse(production.contain(OutgoingPortTakingAnIncomingType.class), "test fixtures stay out of the production import");
    }

    @Test
    void theRulesReallyFailOnAViolatingClass() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(DomainClassUsingJdbc.class);
        assertTrue(DOMAIN_USES_ONLY_THE_JDK.evaluate(withViolation).hasViolation());
        assertTrue(NO_FRAMEWORK_IN_THE_CORE.evaluate(withViolation).hasViolation());
        assertTrue(NO_MONITOR_WAITS.evaluate(new ClassFileImporter().importClasses(WaitingOnAMonitor.class)).hasViolation());
        assertTrue(METERS_THROUGH_MICROMETER_ONLY.evaluate(new ClassFileImporter().importClasses(CountingThroughHelidon.class)).hasViolation());
        assertTrue(HTTP_FEATURES_APART.evaluate(new ClassFileImporter().importClasses(AlertsRouteReachingIntoStats.class)).hasViolation());
        assertTrue(OUTGOING_PORTS_APART_FROM_INCOMING.evaluate(
                new ClassFileImporter().importClasses(OutgoingPortTakingAnIncomingType.class)).hasViolation());
    }

    /** What {@link #METERS_THROUGH_MICROMETER_ONLY} must catch. */
    static final class CountingThroughHelidon {
        void count() {
            io.helidon.metrics.api.Metrics.globalRegistry().getOrCreate(io.helidon.metrics.api.Counter.builder("logins")).increment();
        }
    }

    /** What {@link #NO_MONITOR_WAITS} must catch. */
    static final class WaitingOnAMonitor {
        private final Object lock = new Object();

        void await() throws InterruptedException {
            synchronized (lock) {
                lock.wait(1);
            }
        }
    }
}
