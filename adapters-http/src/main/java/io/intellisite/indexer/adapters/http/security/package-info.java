/** Password hashing (PBKDF2) and signed JWTs (helidon-security-jwt) behind the application's ports. */
package io.intellisite.indexer.adapters.http.security;
