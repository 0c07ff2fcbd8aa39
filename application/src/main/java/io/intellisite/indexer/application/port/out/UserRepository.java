package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.token.AccountStatus;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users, their credentials and their accounts' state are kept. A disabled user's logins are not {@code active}. */
public interface UserRepository {
    /** Adds both atomically; a taken username or e-mail throws {@link UserAlreadyExistsException}. */
    void add(User user, Credential credential);

    /** {@link StoreBusyException} when the store cannot answer now (as {@link #status}). */
    Optional<UserLogin> findByUsername(Username username);

    /** Ordered by name, then lastname, then id, so pages are stable. */
    List<UserWithCredentials> list(int skip, int limit);

    boolean isEmpty();

    /**
     * What a token check needs of the account a username belongs to; empty once the account is deleted.
     * {@link StoreBusyException} when the store cannot answer now: every authenticated request asks (at most once a
     * second per account), so an outage must read as "come back later", not as a fault.
     */
    Optional<AccountStatus> status(Username username);

    /**
     * Replaces the password of every credential of the user, and stops accepting the tokens issued before
     * {@code tokensValidAfter}. False when there is no such user.
     */
    boolean setPassword(UserId id, PasswordHash hash, Instant tokensValidAfter);

    /**
     * Sets the role and/or whether the account is disabled, revoking its tokens issued before {@code tokensValidAfter}.
     * False when there is no such user; {@link LastAdminException} (and nothing changed) when no enabled admin would
     * remain, checked atomically against concurrent changes on other instances.
     */
    boolean change(UserId id, Optional<Role> role, Optional<Boolean> disabled, Instant tokensValidAfter);

    /** Deletes the user and its credentials, under the same rule. False when there is no such user. */
    boolean delete(UserId id);

    /** A credential with the user it belongs to: what a login needs. */
    record UserLogin(User user, Credential credential) {
    }
}
