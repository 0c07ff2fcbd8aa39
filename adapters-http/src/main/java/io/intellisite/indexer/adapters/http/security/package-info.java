/** Who the caller is and what reaches them: bearer tokens, trusted proxies, TLS files and the browser hardening headers. */
package io.intellisite.indexer.adapters.http.security;
