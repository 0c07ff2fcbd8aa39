/**
 * Inbound ports: what adapters (HTTP, the stream topology, the bootstrap) may ask the application to do, one
 * package per feature; here only what every feature shares: the caller and the failures every adapter maps.
 */
package io.intellisite.indexer.application.port.in;
