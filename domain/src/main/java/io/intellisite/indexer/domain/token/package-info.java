/** What a bearer token says about its holder, and the policy tokens are issued under. */
package io.intellisite.indexer.domain.token;
