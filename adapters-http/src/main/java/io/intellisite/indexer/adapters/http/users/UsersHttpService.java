package io.intellisite.indexer.adapters.http.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.ChangeOwnPasswordUseCase;
import io.intellisite.indexer.application.port.in.user.DeleteUserUseCase;
import io.intellisite.indexer.application.port.in.user.ListUsersUseCase;
import io.intellisite.indexer.application.port.in.user.RegisterUserCommand;
import io.intellisite.indexer.application.port.in.user.RegisterUserUseCase;
import io.intellisite.indexer.application.port.in.user.ShowOwnAccountUseCase;
import io.intellisite.indexer.application.port.in.user.UpdateUserUseCase;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /users}, {@code GET /users}, {@code PATCH /users/{id}} and {@code DELETE /users/{id}} (admins);
 * {@code GET /users/me} and {@code POST /users/me/password} (any authenticated caller).
 */
public final class UsersHttpService implements HttpService {
    private final BearerAuthentication bearer;
    private final RegisterUserUseCase register;
    private final ListUsersUseCase list;
    private final ShowOwnAccountUseCase me;
    private final Lifecycle lifecycle;

    /** The use cases that change or end an account. */
    public record Lifecycle(ChangeOwnPasswordUseCase changePassword, UpdateUserUseCase update, DeleteUserUseCase delete) {
    }

    public UsersHttpService(BearerAuthentication bearer, RegisterUserUseCase register, ListUsersUseCase list,
                            ShowOwnAccountUseCase me, Lifecycle lifecycle) {
        this.bearer = bearer;
        this.register = register;
        this.list = list;
        this.me = me;
        this.lifecycle = lifecycle;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::register).get("/", this::list).get("/me", this::me)
                .post("/me/password", this::changePassword)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete);
    }

    private void register(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        ObjectNode body = HttpJson.objectBody(req);
        RegisterUserCommand command = RegisterUserCommand.of(HttpJson.text(body, "name"), HttpJson.text(body, "lastname"),
                HttpJson.text(body, "email"), HttpJson.text(body, "username"), HttpJson.text(body, "password"),
                HttpJson.text(body, "role"));
        var id = register.register(actor, command);
        HttpJson.send(res, Status.CREATED_201, Map.of("id", id.toString()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        PageRequest page = new PageRequest(HttpJson.intQuery(req, "skip", 0), HttpJson.intQuery(req, "limit", 100));
        List<Map<String, Object>> users = list.list(actor, page).stream().map(UsersHttpService::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skip", page.skip());
        body.put("limit", page.limit());
        body.put("size", users.size());
        body.put("users", users);
        HttpJson.send(res, Status.OK_200, body);
    }

    private void me(ServerRequest req, ServerResponse res) {
        HttpJson.send(res, Status.OK_200, json(me.show(bearer.require(req))));
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        ObjectNode body = HttpJson.objectBody(req);
        String oldPassword = HttpJson.text(body, "old_password");
        String newPassword = HttpJson.text(body, "new_password");
        if (oldPassword == null || newPassword == null) {
            throw new InvalidValueException("old_password and new_password are required");
        }
        lifecycle.changePassword().change(actor, oldPassword, newPassword);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void update(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        ObjectNode body = HttpJson.objectBody(req);
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("role") && !field.equals("disabled")) {
                throw new InvalidValueException("unknown field " + field + " (role and disabled can be changed)");
            }
        });
        Optional<Role> role = Optional.ofNullable(HttpJson.text(body, "role")).map(Role::fromWireName);
        Optional<Boolean> disabled = Optional.ofNullable(body.get("disabled")).filter(v -> !v.isNull()).map(v -> {
            if (!v.isBoolean()) {
                throw new InvalidValueException("disabled must be true or false");
            }
            return v.booleanValue();
        });
        lifecycle.update().update(actor, id(req), role, disabled);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void delete(ServerRequest req, ServerResponse res) {
        lifecycle.delete().delete(bearer.require(req), id(req));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static UserId id(ServerRequest req) {
        try {
            return new UserId(UUID.fromString(req.path().pathParameters().get("id")));
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFoundException("user");
        }
    }

    private static Map<String, Object> json(UserWithCredentials u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.user().id().toString());
        m.put("name", u.user().name());
        m.put("lastname", u.user().lastname());
        m.put("email", u.user().email().value());
        m.put("role", u.user().role().wireName());
        m.put("credentials", u.usernames().stream().map(n -> Map.of("username", n.value())).toList());
        return m;
    }
}
