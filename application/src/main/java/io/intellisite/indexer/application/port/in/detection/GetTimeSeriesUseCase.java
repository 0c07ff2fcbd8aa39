package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.application.model.TimeSeries;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.port.in.Principal;

/** How many detections per make (or category) each minute, hour or day held, by the detections' own time. */
public interface GetTimeSeriesUseCase {
    TimeSeries countsPerBucket(Principal actor, TimeSeriesQuery query);
}
