/** The HTTP adapter: Helidon SE routes for login, users, detections, stats, alerts (SSE), health and docs. */
package io.intellisite.indexer.adapters.http;
