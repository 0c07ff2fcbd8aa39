/** GET /alerts: the live alert stream, one encoded frame shared by every subscriber. */
package io.intellisite.indexer.adapters.http.alerts;
