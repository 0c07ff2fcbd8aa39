/** What every Server-Sent Events stream shares: the text/event-stream writer, token expiry and recheck, heartbeats, stalls and counts. */
package io.intellisite.indexer.adapters.http.sse;
