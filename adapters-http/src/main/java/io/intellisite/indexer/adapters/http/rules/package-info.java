/** /rules: the alert rules anyone reads and admins change. */
package io.intellisite.indexer.adapters.http.rules;
