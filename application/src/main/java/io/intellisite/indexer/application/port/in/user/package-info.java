/** Inbound ports for accounts: the first admin, registration, listing, logging in and checking a token. */
package io.intellisite.indexer.application.port.in.user;
