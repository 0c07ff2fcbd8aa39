/** POST /login, token renewal and the users an admin manages. */
package io.intellisite.indexer.adapters.http.users;
