/** The product's settings and command line, read once into typed values; every failure names the setting to fix. */
package io.intellisite.indexer.bootstrap.config;
