/** The business core of Intellisite Indexer: users, credentials, tokens, detections and alert rules, in plain Java. */
package io.intellisite.indexer.domain;
