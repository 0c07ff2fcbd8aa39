package io.intellisite.indexer.adapters.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.contract.PasswordHasherContract;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest extends PasswordHasherContract {
    @Override
    protected PasswordHasher hasher() {
        return new Pbkdf2PasswordHasher(2_000);
    }

    @Test
    void defaultCostIsAtLeast600kAndTheHashDescribesItself() {
        PasswordHash hash = new Pbkdf2PasswordHasher().hash(RawPassword.chosen("correct horse"));
        String[] parts = hash.encoded().split("\\$");
        assertTrue(parts[0].equals("pbkdf2-sha256"));
        assertTrue(Integer.parseInt(parts[1]) >= 600_000);
        assertTrue(java.util.Base64.getDecoder().decode(parts[2]).length == 16);
        assertFalse(hash.toString().contains(parts[3]));
    }

    @Test
    void hashesMadeAtAnOlderCostStillVerifyAfterTheCostIsRaised() {
        PasswordHash old = new Pbkdf2PasswordHasher(1_000).hash(RawPassword.chosen("correct horse"));
        Pbkdf2PasswordHasher raised = new Pbkdf2PasswordHasher(5_000);
        assertTrue(raised.verify(RawPassword.attempt("correct horse"), old));
        assertFalse(raised.verify(RawPassword.attempt("wrong horse"), old));
        assertFalse(raised.verify(RawPassword.attempt("correct horse"), new PasswordHash("pbkdf2-sha256$0$AAAA$AAAA")));
        assertFalse(raised.verify(RawPassword.attempt("correct horse"), new PasswordHash("pbkdf2-sha256$x$!!$!!")));
    }
}
