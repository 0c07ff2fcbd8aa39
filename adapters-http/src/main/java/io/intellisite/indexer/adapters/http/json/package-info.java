/** JSON in and out of Helidon requests with Jackson, and every failure mapped to its status and short error in one place. */
package io.intellisite.indexer.adapters.http.json;
