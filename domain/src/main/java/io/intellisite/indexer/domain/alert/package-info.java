/** Alert rules and the alerts raised when a detection matches them. */
package io.intellisite.indexer.domain.alert;
