/** GET /detections: the indexed history, paged by keyset cursor. */
package io.intellisite.indexer.adapters.http.detections;
