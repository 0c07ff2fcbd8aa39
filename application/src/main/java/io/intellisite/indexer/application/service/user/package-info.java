/** The account use cases, with the login throttle and the gate that bounds concurrent password checks. */
package io.intellisite.indexer.application.service.user;
