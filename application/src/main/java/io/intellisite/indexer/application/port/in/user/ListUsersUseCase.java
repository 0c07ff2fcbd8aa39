package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import java.util.List;

/** An admin lists users, ordered by name: every e-mail, role and username is an admin's to see. */
public interface ListUsersUseCase {
    List<UserWithCredentials> list(Principal actor, PageRequest page);
}
