/** Inbound ports for the detection history: indexing a batch, listing pages of it and counting by make. */
package io.intellisite.indexer.application.port.in.detection;
