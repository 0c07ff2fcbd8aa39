package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.user.CreateFirstAdminUseCase;
import io.intellisite.indexer.application.port.in.user.RegisterUserCommand;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.Username;

public final class CreateFirstAdminService implements CreateFirstAdminUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;

    public CreateFirstAdminService(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public boolean createIfNoUserExists(String username, String password) {
        if (!users.isEmpty()) {
            return false;
        }
        // The demo admin/admin is shorter than the policy allows; the operator chose it knowingly.
        var command = new RegisterUserCommand("Admin", "Admin", new Email(username + "@localhost.localdomain"),
                new Username(username), RawPassword.attempt(password), Role.ADMIN);
        try {
            RegisterUserService.add(users, hasher, command);
            return true;
        } catch (UserAlreadyExistsException raceWithAnotherInstance) {
            return false;
        }
    }

    @Override
    public boolean noUserExists() {
        return users.isEmpty();
    }

    @Override
    public boolean stillHasPassword(String username, String password) {
        return users.findByUsername(new Username(username))
                .filter(login -> login.credential().active())
                .map(login -> hasher.verify(RawPassword.attempt(password), login.credential().passwordHash()))
                .orElse(false);
    }
}
