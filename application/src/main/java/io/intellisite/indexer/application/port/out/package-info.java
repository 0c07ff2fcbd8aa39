/** Outbound ports: what the application needs from storage, hashing and token technology. */
package io.intellisite.indexer.application.port.out;
