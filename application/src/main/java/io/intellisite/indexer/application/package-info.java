/** The use cases of Intellisite Indexer and the ports they need from the outside world. */
package io.intellisite.indexer.application;
