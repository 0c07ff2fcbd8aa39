package io.intellisite.indexer.adapters.http.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.application.port.in.rule.AlertRuleCommand;
import io.intellisite.indexer.application.port.in.rule.CreateAlertRuleUseCase;
import io.intellisite.indexer.application.port.in.rule.DeleteAlertRuleUseCase;
import io.intellisite.indexer.application.port.in.rule.ListAlertRulesUseCase;
import io.intellisite.indexer.application.port.in.rule.UpdateAlertRuleUseCase;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /rules}: any authenticated caller reads, admins create, replace and delete. */
public final class RulesHttpService implements HttpService {
    /** The fields of a rule's body. */
    private static final Set<String> RULE_FIELDS = Set.of("name", "enabled", "conditions", "window");
    /** The use cases behind {@code /rules}. */
    public record UseCases(ListAlertRulesUseCase list, CreateAlertRuleUseCase create, UpdateAlertRuleUseCase update,
                           DeleteAlertRuleUseCase delete) {
    }

    private final BearerAuthentication bearer;
    private final UseCases rules;

    public RulesHttpService(BearerAuthentication bearer, UseCases rules) {
        this.bearer = bearer;
        this.rules = rules;
    }

    @Override
    public void routing(HttpRules routing) {
        routing.get("/", this::list).post("/", this::create)
                .get("/{id}", this::get).put("/{id}", this::update).delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<Map<String, Object>> all = rules.list().list(bearer.require(req)).stream().map(RulesHttpService::json).toList();
        HttpJson.send(res, Status.OK_200, Map.of("size", all.size(), "data", all));
    }

    private void get(ServerRequest req, ServerResponse res) {
        HttpJson.send(res, Status.OK_200, json(rules.list().get(bearer.require(req), id(req))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        AlertRule rule = rules.create().create(bearer.require(req), command(req));
        res.header(HeaderNames.LOCATION, "/rules/" + rule.id());
        HttpJson.send(res, Status.CREATED_201, json(rule));
    }

    private void update(ServerRequest req, ServerResponse res) {
        HttpJson.send(res, Status.OK_200, json(rules.update().update(bearer.require(req), id(req), command(req))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        rules.delete().delete(bearer.require(req), id(req));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static AlertRuleCommand command(ServerRequest req) {
        ObjectNode body = HttpJson.objectBody(req);
        // A field this version does not know is refused, not dropped: before windows existed, a rule with a "window"
        // was created without it and fired on every match.
        body.fieldNames().forEachRemaining(field -> {
            if (!RULE_FIELDS.contains(field)) {
                throw new InvalidValueException("unknown field '" + field + "': a rule has name, enabled, conditions and window");
            }
        });
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw new InvalidValueException("enabled must be true or false");
        }
        JsonNode conditions = body.get("conditions");
        JsonNode window = body.get("window");
        return AlertRuleCommand.of(HttpJson.text(body, "name"), enabled == null ? null : enabled.booleanValue(),
                conditions == null ? null : HttpJson.MAPPER.convertValue(conditions, Object.class),
                window == null || window.isNull() ? null : HttpJson.MAPPER.convertValue(window, Object.class));
    }

    private static Map<String, Object> json(AlertRule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rule.id());
        m.put("name", rule.name());
        m.put("enabled", rule.enabled());
        m.put("conditions", RuleConditions.toMap(rule.conditions()));
        if (rule.windowed()) {
            m.put("window", RuleWindows.toMap(rule.window()));
        }
        return m;
    }
}
