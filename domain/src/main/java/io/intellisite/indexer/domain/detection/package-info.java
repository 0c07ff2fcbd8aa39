/** Vehicle detections, where in the stream they came from, and the counts kept per make. */
package io.intellisite.indexer.domain.detection;
