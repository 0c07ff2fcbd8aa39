/** The alert-rule use cases, each change stored and published to the pipeline together. */
package io.intellisite.indexer.application.service.rule;
