package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} must do. */
public abstract class PasswordHasherContract {
    protected abstract PasswordHasher hasher();

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        PasswordHasher hasher = hasher();
        PasswordHash first = hasher.hash(RawPassword.chosen("correct horse"));
        PasswordHash second = hasher.hash(RawPassword.chosen("correct horse"));
        assertNotEquals(first, second);
        assertTrue(hasher.verify(RawPassword.attempt("correct horse"), first));
        assertTrue(hasher.verify(RawPassword.attempt("correct horse"), second));
        assertFalse(hasher.verify(RawPassword.attempt("correct horsE"), first));
        assertFalse(hasher.verify(RawPassword.attempt(""), first));
    }

    @Test
    void rejectsAHashItDoesNotUnderstand() {
        assertFalse(hasher().verify(RawPassword.attempt("whatever1"), new PasswordHash("md5$abc")));
    }
}
