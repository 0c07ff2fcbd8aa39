package io.intellisite.indexer.adapters.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** An alert after a quiet commit interval asks Streams to commit at once; one close behind another does not. */
class PromptCommitsTest {
    @Test
    void anAlertAfterAQuietIntervalAsksForACommitAtOnceAndASteadyStreamDoesNot() {
        MockProcessorContext<Object, Object> context = context();
        context.setCurrentSystemTimeMs(1_000);
        PromptCommits commits = new PromptCommits(context, new PromptCommits.LastAlert());

        commits.alertForwarded();
        assertTrue(context.committed(), "the first alert");

        // A steady stream, an alert every 20 ms for a second: Streams' own commits take them.
        context.resetCommit();
        for (long at = 1_020; at <= 2_000; at += 20) {
            context.setCurrentSystemTimeMs(at);
            commits.alertForwarded();
        }
        assertFalse(context.committed(), "alerts close behind one another");

        context.setCurrentSystemTimeMs(2_029);
        commits.alertForwarded();
        assertFalse(context.committed(), "29 ms after the last");

        context.setCurrentSystemTimeMs(2_059);
        commits.alertForwarded();
        assertTrue(context.committed(), "a commit interval after the last");

        context.resetCommit();
        context.setCurrentSystemTimeMs(5_000);
        commits.alertForwarded();
        assertTrue(context.committed(), "one after a quiet spell");
    }

    @Test
    void theQuietSpellIsTheThreadsNotOneTasks() {
        MockProcessorContext<Object, Object> first = context();
        MockProcessorContext<Object, Object> second = context();
        PromptCommits.LastAlert thread = new PromptCommits.LastAlert();
        PromptCommits firstTask = new PromptCommits(first, thread);
        PromptCommits secondTask = new PromptCommits(second, thread);
        first.setCurrentSystemTimeMs(1_000);
        firstTask.alertForwarded();
        first.resetCommit();
        // Two tasks of one thread, each with an alert every 40 ms, the thread with one every 20 ms (100/s over six
        // tasks was 60 ms a task): Streams' own commits take them all.
        for (long at = 1_020; at <= 2_000; at += 40) {
            second.setCurrentSystemTimeMs(at);
            secondTask.alertForwarded();
            first.setCurrentSystemTimeMs(at + 20);
            firstTask.alertForwarded();
        }
        assertFalse(first.committed() || second.committed(), "alerts of one thread close behind one another");
    }

    /** A task's context in an application committing every 30 ms. */
    private static MockProcessorContext<Object, Object> context() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "prompt-commits-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 30);
        return new MockProcessorContext<>(config);
    }
}
