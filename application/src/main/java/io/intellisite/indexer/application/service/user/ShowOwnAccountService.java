package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.ShowOwnAccountUseCase;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.util.List;

public final class ShowOwnAccountService implements ShowOwnAccountUseCase {
    private final UserRepository users;

    public ShowOwnAccountService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserWithCredentials show(Principal actor) {
        // A valid token of an account that is gone finds nothing.
        var login = users.findByUsername(new Username(actor.username())).orElseThrow(() -> new NotFoundException("user"));
        return new UserWithCredentials(login.user(), List.of(login.credential().username()));
    }
}
