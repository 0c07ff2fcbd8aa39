/** Inbound ports: what adapters (HTTP, the stream topology, the bootstrap) may ask the application to do. */
package io.intellisite.indexer.application.port.in;
