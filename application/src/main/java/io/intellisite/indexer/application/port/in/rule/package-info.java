/** Inbound ports for alert rules: create, change, delete, list, seed from settings and evaluate a detection. */
package io.intellisite.indexer.application.port.in.rule;
