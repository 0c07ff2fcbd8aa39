/** The detection history's use cases: indexing, listing and counting. */
package io.intellisite.indexer.application.service.detection;
