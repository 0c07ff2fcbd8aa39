/** Inbound port for watching the live alert stream with a subscriber's filter. */
package io.intellisite.indexer.application.port.in.alert;
