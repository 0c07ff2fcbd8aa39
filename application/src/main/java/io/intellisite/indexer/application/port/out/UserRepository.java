package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.util.List;
import java.util.Optional;

/** Where users and their credentials are kept. */
public interface UserRepository {
    /** Adds both atomically; a taken username or e-mail throws {@link UserAlreadyExistsException}. */
    void add(User user, Credential credential);

    Optional<UserLogin> findByUsername(Username username);

    /** Ordered by name, then lastname, then id, so pages are stable. */
    List<UserWithCredentials> list(int skip, int limit);

    boolean isEmpty();

    /** A credential with the user it belongs to: what a login needs. */
    record UserLogin(User user, Credential credential) {
    }
}
