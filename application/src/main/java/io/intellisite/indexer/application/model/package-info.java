/** Values both port directions carry (queries and pages of detections, alert events and subscriptions), so that neither direction depends on the other. */
package io.intellisite.indexer.application.model;
