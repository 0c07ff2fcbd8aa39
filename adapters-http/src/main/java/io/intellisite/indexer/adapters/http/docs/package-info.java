/** GET /asyncapi: the topics' contract with this instance's topic names. */
package io.intellisite.indexer.adapters.http.docs;
