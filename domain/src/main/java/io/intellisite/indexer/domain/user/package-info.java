/** Users, their roles and the credentials they log in with. */
package io.intellisite.indexer.domain.user;
