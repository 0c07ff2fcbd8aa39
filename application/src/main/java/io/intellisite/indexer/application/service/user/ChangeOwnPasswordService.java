package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.ChangeOwnPasswordUseCase;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Username;

public final class ChangeOwnPasswordService implements ChangeOwnPasswordUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountStatuses statuses;

    public ChangeOwnPasswordService(UserRepository users, PasswordHasher hasher, AccountStatuses statuses) {
        this.users = users;
        this.hasher = hasher;
        this.statuses = statuses;
    }

    @Override
    public void change(Principal actor, String oldPassword, String newPassword) {
        var login = users.findByUsername(new Username(actor.username())).orElseThrow(() -> new NotFoundException("user"));
        RawPassword chosen = RawPassword.chosen(newPassword);
        if (!hasher.verify(RawPassword.attempt(oldPassword), login.credential().passwordHash())) {
            throw new InvalidValueException("old_password is not the current password");
        }
        if (!users.setPassword(login.user().id(), hasher.hash(chosen), statuses.revokeNow())) {
            throw new NotFoundException("user");
        }
    }
}
