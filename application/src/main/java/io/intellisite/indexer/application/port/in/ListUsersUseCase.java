package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.user.UserWithCredentials;
import java.util.List;

/** Any authenticated caller lists users, ordered by name. */
public interface ListUsersUseCase {
    List<UserWithCredentials> list(Principal actor, PageRequest page);
}
