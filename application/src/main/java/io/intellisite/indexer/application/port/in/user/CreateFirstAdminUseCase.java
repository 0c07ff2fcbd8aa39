package io.intellisite.indexer.application.port.in.user;

/** At start, when no user exists yet, creates the first admin, so that someone can log in at all. */
public interface CreateFirstAdminUseCase {
    /** True if the admin was created, false if users already existed. */
    boolean createIfNoUserExists(String username, String password);

    boolean noUserExists();

    /** True while {@code username} logs in with {@code password}: a start warns while the demo's password is in use. */
    boolean stillHasPassword(String username, String password);
}
