/** One service per use case, implementing the inbound ports over the outbound ones. */
package io.intellisite.indexer.application.service;
