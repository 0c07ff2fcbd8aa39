package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.application.model.TopCounts;
import io.intellisite.indexer.application.model.TopQuery;
import io.intellisite.indexer.application.port.in.Principal;

/** The makes (or categories) most seen in the last minutes, most first. */
public interface GetTopUseCase {
    TopCounts top(Principal actor, TopQuery query);
}
