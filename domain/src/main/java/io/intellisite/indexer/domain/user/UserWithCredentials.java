package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.Require;
import java.util.List;

/** A user as listed: the person and the usernames they can log in with. */
public record UserWithCredentials(User user, List<Username> usernames) {
    public UserWithCredentials {
        Require.present(user, "user");
        usernames = List.copyOf(usernames);
    }
}
