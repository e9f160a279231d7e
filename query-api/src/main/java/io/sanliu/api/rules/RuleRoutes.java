package io.sanliu.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.RequestBodies;
import io.sanliu.api.TopicPublisher;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.risk.ParameterSpec;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleMode;
import io.sanliu.model.risk.RuleType;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The rule routes of the risk console: the catalogue of rule types, the rules in force, and changes
 * to them (create, update, enable, disable, live or shadow mode), each published as a new version
 * on the risk engine's control topic once validated.
 */
public final class RuleRoutes {
  private static final Set<String> PRECISION_PARAMS = Set.of("from", "to");

  private final RulesInForce rules;
  private final TopicPublisher<RuleDefinition> publisher;
  private final RulePrecision precision;
  private final Clock clock;

  /** Rules being changed by a request of this instance: a second change waits its turn (409). */
  private final Set<String> changing = ConcurrentHashMap.newKeySet();

  public RuleRoutes(
      RulesInForce rules,
      TopicPublisher<RuleDefinition> publisher,
      RulePrecision precision,
      Clock clock) {
    this.rules = rules;
    this.publisher = publisher;
    this.precision = precision;
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET, "/api/v1/rule-types", Role.ALL, "read rule types", this::types);
    endpoints.secured(HttpMethod.GET, "/api/v1/rules", Role.READERS, "read rules", this::list);
    // Before /rules/:id, which would take "precision" for an id.
    endpoints.securedCached(
        "/api/v1/rules/precision",
        Role.READERS,
        Role.READERS,
        "read rule precision",
        this::precision);
    endpoints.secured(HttpMethod.GET, "/api/v1/rules/:id", Role.READERS, "read rules", this::one);
    endpoints.secured(
        HttpMethod.POST, "/api/v1/rules", Role.REVIEWERS, "create rules", this::create);
    endpoints.secured(
        HttpMethod.PUT, "/api/v1/rules/:id", Role.REVIEWERS, "change rules", this::update);
    endpoints.secured(
        HttpMethod.POST,
        "/api/v1/rules/:id/enable",
        Role.REVIEWERS,
        "change rules",
        ctx -> change(ctx, (c, by) -> RuleRequest.next(c, true, c.mode(), by, clock.instant())));
    endpoints.secured(
        HttpMethod.POST,
        "/api/v1/rules/:id/disable",
        Role.REVIEWERS,
        "change rules",
        ctx -> change(ctx, (c, by) -> RuleRequest.next(c, false, c.mode(), by, clock.instant())));
    endpoints.secured(
        HttpMethod.POST, "/api/v1/rules/:id/mode", Role.REVIEWERS, "change rules", this::mode);
  }

  private Future<Reply> types(RoutingContext ctx) {
    Params.of(ctx, Set.of());
    ArrayNode out = Json.mapper().createArrayNode();
    for (RuleType t : RuleType.values()) {
      ObjectNode type = out.addObject();
      type.put("type", t.name());
      type.put("nameZh", t.nameZh());
      type.put("nameEn", t.nameEn());
      type.put("description", t.description());
      ArrayNode families = type.putArray("families");
      t.families().forEach(f -> families.add(f.name()));
      ArrayNode params = type.putArray("parameters");
      for (ParameterSpec p : t.parameters()) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("kind", p.kind().name());
        param.put("default", p.defaultValue());
        param.put("description", p.description());
        if (!p.allowed().isEmpty()) {
          ArrayNode allowed = param.putArray("allowed");
          p.allowed().forEach(allowed::add);
        }
      }
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("types", out);
    return Reply.okFuture(body);
  }

  private Future<Reply> list(RoutingContext ctx) {
    Params.of(ctx, Set.of());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("caughtUp", rules.caughtUp());
    ArrayNode items = body.putArray("rules");
    for (RulesInForce.InForce r : rules.all()) items.add(view(r));
    return Reply.okFuture(body);
  }

  private Future<Reply> one(RoutingContext ctx) {
    return Reply.okFuture(view(inForce(ctx)));
  }

  private Future<Reply> precision(RoutingContext ctx) {
    Params params = Params.of(ctx, PRECISION_PARAMS);
    Instant from = params.instant("from");
    Instant to = params.instant("to");
    return precision
        .compute(from, to)
        .map(
            rows -> {
              ObjectNode body = Json.mapper().createObjectNode();
              if (from != null) body.put("from", from.toString());
              if (to != null) body.put("to", to.toString());
              ArrayNode out = body.putArray("rules");
              for (RulePrecision.Row row : rows) {
                ObjectNode r = out.addObject();
                r.put("ruleId", row.ruleId());
                r.put("ruleType", row.ruleType());
                r.put("mode", row.mode());
                r.put("inForce", row.inForce());
                r.put("closed", row.closed());
                r.put("truePositives", row.truePositives());
                r.put("falsePositives", row.falsePositives());
                // null until a rule has closures: "no precision yet", not 0
                r.put("precision", row.precision());
              }
              return Reply.ok(body);
            });
  }

  private Future<Reply> create(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    RuleDefinition d =
        RuleRequest.create(RequestBodies.object(ctx, false), caller.subject(), clock.instant());
    rules
        .get(d.ruleId())
        .ifPresent(
            existing -> {
              throw ApiProblem.conflict(
                  "rule "
                      + d.ruleId()
                      + " exists (version "
                      + existing.definition().version()
                      + "); PUT /api/v1/rules/"
                      + d.ruleId()
                      + " changes it");
            });
    return publish(d)
        .map(r -> r.withHeader("Location", "/api/v1/rules/" + d.ruleId()))
        .map(r -> new Reply(201, r.contentType(), r.body(), r.headers()));
  }

  private Future<Reply> update(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx, false);
    return change(ctx, (current, by) -> RuleRequest.update(current, body, by, clock.instant()));
  }

  private Future<Reply> mode(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx, false);
    String mode = RequestBodies.text(body, "mode", 16);
    if (mode == null) throw Params.invalid("mode", "is required: LIVE or SHADOW");
    RuleMode m = Params.enumValue("mode", RuleMode.class, mode);
    return change(ctx, (c, by) -> RuleRequest.next(c, c.enabled(), m, by, clock.instant()));
  }

  private Future<Reply> change(
      RoutingContext ctx, BiFunction<RuleDefinition, String, RuleDefinition> next) {
    Caller caller = Caller.of(ctx);
    RuleDefinition current = inForce(ctx).definition();
    return publish(next.apply(current, caller.subject()));
  }

  private Future<Reply> publish(RuleDefinition d) {
    if (!changing.add(d.ruleId())) {
      throw ApiProblem.conflict("rule " + d.ruleId() + " is being changed by another request");
    }
    Future<RecordMetadata> sent;
    try {
      sent = publisher.publish(d);
    } catch (RuntimeException e) {
      changing.remove(d.ruleId());
      throw e;
    }
    return sent.map(
            metadata -> {
              rules.offer(d);
              ObjectNode body = view(new RulesInForce.InForce(d, true));
              body.set("published", published(metadata));
              return Reply.ok(body);
            })
        .recover(
            e ->
                Future.failedFuture(
                    ApiProblem.of(
                            503,
                            "rule "
                                + d.ruleId()
                                + " v"
                                + d.version()
                                + " was not published: "
                                + e.getMessage())
                        .header("Retry-After", "5")))
        .onComplete(done -> changing.remove(d.ruleId()));
  }

  private RulesInForce.InForce inForce(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return rules.get(id).orElseThrow(() -> ApiProblem.notFound("no rule " + id));
  }

  private static ObjectNode view(RulesInForce.InForce r) {
    ObjectNode out = Json.mapper().valueToTree(r.definition());
    out.put("source", r.published() ? "control-topic" : "default");
    out.put("nameZh", r.definition().type().nameZh());
    out.put("nameEn", r.definition().type().nameEn());
    return out;
  }

  private static ObjectNode published(RecordMetadata m) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("topic", m.topic());
    out.put("partition", m.partition());
    out.put("offset", m.offset());
    return out;
  }
}
