/** The live alert stream's use case, bounding the streams one user may hold. */
package io.intellisite.indexer.application.service.alert;
