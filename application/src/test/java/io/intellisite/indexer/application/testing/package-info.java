/** Helpers every module's tests share (this test-jar is on each adapter's and the system tests' test class path). */
package io.intellisite.indexer.application.testing;
