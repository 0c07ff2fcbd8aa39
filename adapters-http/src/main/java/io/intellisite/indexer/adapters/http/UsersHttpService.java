package io.intellisite.indexer.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.ListUsersUseCase;
import io.intellisite.indexer.application.port.in.user.RegisterUserCommand;
import io.intellisite.indexer.application.port.in.user.RegisterUserUseCase;
import io.intellisite.indexer.application.port.in.user.ShowOwnAccountUseCase;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /users} and {@code GET /users} (admins), {@code GET /users/me} (any authenticated caller). */
public final class UsersHttpService implements HttpService {
    private final BearerAuthentication bearer;
    private final RegisterUserUseCase register;
    private final ListUsersUseCase list;
    private final ShowOwnAccountUseCase me;

    public UsersHttpService(BearerAuthentication bearer, RegisterUserUseCase register, ListUsersUseCase list,
                            ShowOwnAccountUseCase me) {
        this.bearer = bearer;
        this.register = register;
        this.list = list;
        this.me = me;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::register).get("/", this::list).get("/me", this::me);
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
