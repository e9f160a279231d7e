package io.sanliu.api.credit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credit routes (信用评价): a participant's profile with every factor's contribution and its score
 * history, and the grade distribution with the latest downgrades for the wall screen. A viewer gets
 * the public view (grade and status) only; see {@link CreditView}.
 */
public final class CreditRoutes {
  static final int DEFAULT_HISTORY = 20;
  static final int MAX_HISTORY = 200;
  static final int DEFAULT_DOWNGRADES = 10;
  static final int MAX_DOWNGRADES = 100;
  static final int MAX_CODE = 64;

  private final CreditProfiles profiles;

  public CreditRoutes(CreditProfiles profiles) {
    this.profiles = profiles;
  }

  public void mount(Endpoints endpoints) {
    // Before /credit/:code, which would take "grades" for a code.
    endpoints.securedCached(
        "/api/v1/credit/grades", Role.ALL, Role.ALL, "read credit grades", this::grades);
    endpoints.secured(
        HttpMethod.GET, "/api/v1/credit/:code", Role.ALL, "read credit profiles", this::one);
  }

  private Future<Reply> one(RoutingContext ctx) {
    Role role = Caller.of(ctx).role();
    Params params = Params.of(ctx, Set.of("historySize"));
    int historySize = params.integer("historySize", DEFAULT_HISTORY, 0, MAX_HISTORY);
    String code = ctx.pathParam("code");
    if (code.isBlank() || code.length() > MAX_CODE) {
      throw ApiProblem.notFound("no credit profile of " + code);
    }
    Future<Optional<ObjectNode>> current = profiles.current(code);
    if (!CreditView.seesDetail(role)) {
      return current.map(found -> Reply.ok(CreditView.publicView(orNotFound(found, code))));
    }
    Future<CreditProfiles.History> history =
        historySize == 0
            ? Future.succeededFuture(new CreditProfiles.History(List.of(), -1))
            : profiles.history(code, historySize);
    return Future.all(current, history)
        .map(
            all -> {
              ObjectNode out = CreditView.fullView(orNotFound(current.result(), code));
              ObjectNode h = out.putObject("history");
              h.put("size", historySize);
              if (history.result().total() >= 0) h.put("total", history.result().total());
              ArrayNode entries = h.putArray("entries");
              history.result().entries().forEach(e -> entries.add(CreditView.historyEntry(e)));
              return Reply.ok(out);
            });
  }

  private Future<Reply> grades(RoutingContext ctx) {
    Role role = Caller.of(ctx).role();
    Params params = Params.of(ctx, Set.of("participant", "downgrades"));
    String type = params.text("participant");
    Participant participant =
        type == null ? null : Params.enumValue("participant", Participant.class, type);
    int size = params.integer("downgrades", DEFAULT_DOWNGRADES, 0, MAX_DOWNGRADES);
    Future<CreditProfiles.Distribution> distribution = profiles.distribution(participant);
    Future<List<ObjectNode>> downgrades =
        size == 0 ? Future.succeededFuture(List.of()) : profiles.downgrades(participant, size);
    return Future.all(distribution, downgrades)
        .map(
            all -> {
              ObjectNode out = Json.mapper().createObjectNode();
              if (participant != null) out.put("participant", participant.name());
              CreditProfiles.Distribution d = distribution.result();
              out.put("participants", d.grades().values().stream().mapToLong(n -> n).sum());
              out.set("grades", gradeRows(d.grades()));
              ObjectNode by = out.putObject("byParticipant");
              d.byParticipant().forEach((p, counts) -> by.set(p.name(), gradeRows(counts)));
              ArrayNode down = out.putArray("downgrades");
              downgrades.result().forEach(p -> down.add(CreditView.downgrade(p, role)));
              return Reply.ok(out);
            });
  }

  /** One row per grade, best first, with its names and measures (inspection rate, priority). */
  private static ArrayNode gradeRows(Map<Grade, Long> counts) {
    ArrayNode rows = Json.mapper().createArrayNode();
    for (Grade g : Grade.values()) {
      ObjectNode row = rows.addObject();
      row.put("grade", g.name());
      row.put("nameZh", g.nameZh());
      row.put("nameEn", g.nameEn());
      row.put("scoreFrom", g.lowerBound());
      row.put("inspectionRateSuggested", g.suggestedInspectionRate());
      row.put("priorityClearance", g.priorityClearance());
      row.put("count", counts.getOrDefault(g, 0L));
    }
    return rows;
  }

  private static ObjectNode orNotFound(Optional<ObjectNode> found, String code) {
    return found.orElseThrow(
        () ->
            ApiProblem.notFound(
                "no credit profile of "
                    + code
                    + ": the credit job has seen no evidence naming this participant"));
  }
}
