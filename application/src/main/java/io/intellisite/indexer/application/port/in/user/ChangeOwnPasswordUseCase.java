package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;

/** Any user changes its own password, giving the current one; every token the account holds stops counting. */
public interface ChangeOwnPasswordUseCase {
    void change(Principal actor, String oldPassword, String newPassword);
}
