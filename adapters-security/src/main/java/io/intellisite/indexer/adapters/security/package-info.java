/** Security adapters behind the application's ports: password hashing (PBKDF2) and signed JWTs (helidon-security-jwt). */
package io.intellisite.indexer.adapters.security;
