/** GET /stats, its time series and top-N, and GET /stats/live. */
package io.intellisite.indexer.adapters.http.stats;
