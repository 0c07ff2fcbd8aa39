package io.intellisite.indexer.application.port.in.user;

/** At start, when no user exists yet, creates the first admin, so that someone can log in at all. */
public interface CreateFirstAdminUseCase {
    /** True if the admin was created, false if users already existed. */
    boolean createIfNoUserExists(String username, String password);
}
