package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.credit.Contribution;
import io.sanliu.model.credit.CreditAccount;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditFact.Kind;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.CreditUpdate;
import io.sanliu.model.credit.Decay;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.GradePolicy;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.credit.Scorecard;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Severity;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The credit routes on the real stack: profiles and their history written into the credit indices
 * as the credit job writes them (the model's {@link CreditAccount} fed with facts of 2037), then
 * read through the API by every role. The negative list has its own test ({@link
 * NegativeListRoutesTest}).
 */
@ExtendWith(SanliuStackExtension.class)
class CreditRoutesTest {
  static ApiFixture api;
  static SanliuStack stack;
  static final Instant T0 = Instant.parse("2037-03-01T00:00:00Z");
  static final String RUN = "CR37" + System.nanoTime() % 1_000_000;
  static final Scorecard SCORECARD = new Scorecard(new Decay(Duration.ofDays(90)));
  static final GradePolicy POLICY = new GradePolicy(2);

  /** Every participant written: its final profile and every update it made, oldest first. */
  static final Map<String, List<CreditUpdate>> UPDATES = new LinkedHashMap<>();

  static Map<Grade, Long> before;
  static Map<Grade, Long> beforePayment;

  static final String GOOD = RUN + "-GOOD";
  static final String FALLEN = RUN + "-FALLEN";
  static final String LISTED = RUN + "-LISTED";
  static final String NEW = RUN + "-NEW";
  static final String PAYER = RUN + "-PAY";

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    api = ApiFixture.start(stack);
    before = counts(json(api.get("/api/v1/credit/grades?downgrades=0", Role.ADMIN)).get("grades"));
    beforePayment =
        counts(
            json(api.get("/api/v1/credit/grades?downgrades=0&participant=PAYMENT", Role.ADMIN))
                .get("grades"));

    account(GOOD, Participant.ENTERPRISE, good(0));
    // A good record, then a burst of alerts: B or A down to C and D, one revision per change.
    List<CreditFact> fallen = new ArrayList<>(good(0));
    for (int i = 0; i < 6; i++) {
      fallen.add(
          CreditFact.alert(
              FALLEN,
              Participant.ENTERPRISE,
              T0.plus(Duration.ofDays(20 + i)),
              FALLEN + "-alert-" + i,
              "PAYER_NOT_BUYER",
              Severity.CRITICAL));
    }
    account(FALLEN, Participant.ENTERPRISE, fallen);
    List<CreditFact> listed = new ArrayList<>(good(0));
    listed.add(
        CreditFact.negative(
            LISTED, T0.plus(Duration.ofDays(30)), "nl-" + RUN, false, "ENTERPRISE fake trade"));
    account(LISTED, Participant.ENTERPRISE, listed);
    account(
        NEW,
        Participant.PLATFORM,
        List.of(CreditFact.of(NEW, Participant.PLATFORM, Kind.PARCEL_MATCHED, T0)));
    account(
        PAYER,
        Participant.PAYMENT,
        List.of(
            CreditFact.of(PAYER, Participant.PAYMENT, Kind.PARCEL_FAILED, T0),
            CreditFact.of(PAYER, Participant.PAYMENT, Kind.PARCEL_FAILED, T0.plusSeconds(60))));
    index(stack.elastic().blocking());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Twelve days of matched, released parcels with verified turnover (code filled in later). */
  static List<CreditFact> good(int offsetDays) {
    List<CreditFact> facts = new ArrayList<>();
    for (int d = 0; d < 12; d++) {
      Instant t = T0.plus(Duration.ofDays(offsetDays + d));
      for (int i = 0; i < 10; i++) {
        facts.add(CreditFact.of("?", Participant.ENTERPRISE, Kind.PARCEL_MATCHED, t));
        facts.add(CreditFact.of("?", Participant.ENTERPRISE, Kind.LIST_RELEASED, t));
        facts.add(CreditFact.verified("?", Participant.ENTERPRISE, t, 20_000));
      }
    }
    return facts;
  }

  /** Feeds the facts (re-addressed to {@code code}) to a fresh account, as the credit job does. */
  static void account(String code, Participant participant, List<CreditFact> facts) {
    CreditAccount account = new CreditAccount();
    List<CreditUpdate> updates = new ArrayList<>();
    for (CreditFact f : facts) {
      CreditFact mine =
          new CreditFact(
              code,
              f.participant() == null ? null : participant,
              f.kind(),
              f.time(),
              f.amountCny(),
              f.ref(),
              f.ruleType(),
              f.severity(),
              f.note());
      CreditUpdate u = account.apply(code, mine, SCORECARD, POLICY, f.time().plusSeconds(5));
      if (u != null) updates.add(u);
    }
    UPDATES.put(code, updates);
  }

  static CreditProfile last(String code) {
    List<CreditUpdate> u = UPDATES.get(code);
    return u.get(u.size() - 1).profile();
  }

  static void index(ElasticsearchClient es) {
    try {
      var r =
          es.bulk(
              b -> {
                UPDATES.forEach(
                    (code, updates) -> {
                      for (CreditUpdate u : updates) {
                        CreditProfile p = u.profile();
                        b.operations(
                            op ->
                                op.index(
                                    i ->
                                        i.index(Indices.CREDIT_HISTORY)
                                            .id(p.historyId())
                                            .document(p)));
                      }
                      CreditProfile p = last(code);
                      b.operations(
                          op -> op.index(i -> i.index(Indices.CREDIT).id(code).document(p)));
                    });
                return b.refresh(Refresh.WaitFor);
              });
      if (r.errors()) throw new IllegalStateException("bulk refused: " + r.items().get(0).error());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<Grade, Long> counts(JsonNode rows) {
    Map<Grade, Long> out = new EnumMap<>(Grade.class);
    for (JsonNode r : rows)
      out.put(Grade.valueOf(r.get("grade").asText()), r.get("count").asLong());
    return out;
  }

  static Set<String> fields(JsonNode node) {
    Set<String> out = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  @Test
  void theTestDataHasTheGradesItIsMeantToHave() {
    // The premises of the other tests, checked on the model's own output.
    assertEquals(Grade.A, last(GOOD).grade());
    assertTrue(last(FALLEN).grade().ordinal() >= Grade.C.ordinal(), last(FALLEN).toString());
    assertTrue(last(LISTED).negativeListed());
    assertTrue(UPDATES.get(FALLEN).size() > 3);
  }

  @Test
  void aProfileShowsGradeScoreEveryContributionAndItsHistoryNewestFirst() {
    CreditProfile p = last(FALLEN);
    JsonNode body = json(api.get("/api/v1/credit/" + FALLEN + "?historySize=3", Role.ANALYST));

    assertEquals("full", body.get("view").asText());
    assertEquals(FALLEN, body.get("code").asText());
    assertEquals(p.grade().name(), body.get("grade").asText());
    assertEquals(p.grade().nameEn(), body.get("gradeNameEn").asText());
    assertEquals(p.score(), body.get("score").asDouble(), 1e-9);
    assertEquals(p.cause().name(), body.get("cause").asText());
    assertEquals(p.cause().nameZh(), body.get("causeNameZh").asText());
    assertEquals(
        p.grade().suggestedInspectionRate(), body.get("inspectionRateSuggested").asDouble(), 1e-12);
    assertEquals(p.grade() == Grade.A, body.get("priorityClearance").asBoolean());
    JsonNode contributions = body.get("contributions");
    assertEquals(p.contributions().size(), contributions.size());
    for (int i = 0; i < p.contributions().size(); i++) {
      Contribution c = p.contributions().get(i);
      JsonNode got = contributions.get(i);
      assertEquals(c.factor().name(), got.get("factor").asText());
      assertEquals(c.points(), got.get("points").asDouble(), 1e-9);
      assertEquals(c.explanation(), got.get("explanation").asText());
      assertEquals(c.factor().nameEn(), got.get("nameEn").asText());
    }

    JsonNode history = body.get("history");
    List<CreditUpdate> updates = UPDATES.get(FALLEN);
    assertEquals(updates.size(), history.get("total").asLong());
    assertEquals(3, history.get("entries").size());
    for (int i = 0; i < 3; i++) {
      CreditProfile expected = updates.get(updates.size() - 1 - i).profile();
      JsonNode e = history.get("entries").get(i);
      assertEquals(expected.revision(), e.get("revision").asLong());
      assertEquals(expected.score(), e.get("score").asDouble(), 1e-9);
      assertEquals(expected.grade().name(), e.get("grade").asText());
    }

    // The default bound is 20 and the whole history of a short one.
    JsonNode all = json(api.get("/api/v1/credit/" + LISTED, Role.RISK_OFFICER)).get("history");
    assertEquals(Math.min(20, UPDATES.get(LISTED).size()), all.get("entries").size());
    JsonNode bad =
        problem(api.get("/api/v1/credit/" + FALLEN + "?historySize=999", Role.ADMIN), 400);
    assertEquals("historySize", bad.at("/invalidParams/0").asText());
  }

  @Test
  void aViewerSeesTheGradeAndItsStatusOnly() {
    CreditProfile p = last(LISTED);
    JsonNode body = json(api.get("/api/v1/credit/" + LISTED, Role.VIEWER));

    assertEquals(
        Set.of(
            "code", "grade", "gradeNameZh", "gradeNameEn", "gradeSince", "negativeListed", "view"),
        fields(body));
    assertEquals("public", body.get("view").asText());
    assertEquals(p.grade().name(), body.get("grade").asText());
    assertEquals(p.gradeSince(), Instant.parse(body.get("gradeSince").asText()));
    assertTrue(body.get("negativeListed").asBoolean());
    assertFalse(body.toString().contains("fake trade"), body.toString());

    JsonNode enterprise = json(api.get("/api/v1/enterprises/" + LISTED, Role.VIEWER)).get("credit");
    assertFalse(enterprise.has("score"));
    assertFalse(enterprise.has("cause"));
    assertEquals(p.grade().name(), enterprise.get("grade").asText());
  }

  @Test
  void theEnterpriseProfileCarriesGradeScoreAndCause() {
    CreditProfile p = last(FALLEN);
    JsonNode credit = json(api.get("/api/v1/enterprises/" + FALLEN, Role.ANALYST)).get("credit");

    assertEquals(p.grade().name(), credit.get("grade").asText());
    assertEquals(p.score(), credit.get("score").asDouble(), 1e-9);
    assertEquals(p.cause().name(), credit.get("cause").asText());
    assertEquals(p.previousGrade().name(), credit.get("previousGrade").asText());
  }

  @Test
  void anUnknownCodeIsA404NoTokenA401() {
    problem(api.get("/api/v1/credit/" + RUN + "-NOBODY", Role.ANALYST), 404);
    problem(api.get("/api/v1/credit/" + RUN + "-NOBODY", Role.VIEWER), 404);
    problem(api.get("/api/v1/credit/" + GOOD, null), 401);
    problem(api.get("/api/v1/credit/grades", null), 401);
  }

  @Test
  void theGradeDistributionCountsEveryProfileAndTheDowngradesAreNewestFirst() {
    Map<Grade, Long> mine = new EnumMap<>(Grade.class);
    Map<Grade, Long> payment = new EnumMap<>(Grade.class);
    for (String code : UPDATES.keySet()) {
      CreditProfile p = last(code);
      mine.merge(p.grade(), 1L, Long::sum);
      if (p.participants().contains(Participant.PAYMENT)) payment.merge(p.grade(), 1L, Long::sum);
    }
    JsonNode body = json(api.get("/api/v1/credit/grades?downgrades=100", Role.VIEWER));
    Map<Grade, Long> got = counts(body.get("grades"));
    List<String> priority = new ArrayList<>();
    body.get("grades")
        .forEach(
            r -> {
              if (r.get("priorityClearance").asBoolean()) priority.add(r.get("grade").asText());
            });
    assertEquals(List.of("A"), priority, "priority handling for the best grade only");
    for (Grade g : Grade.values()) {
      assertEquals(before.getOrDefault(g, 0L) + mine.getOrDefault(g, 0L), got.get(g), g.name());
    }
    JsonNode byPayment =
        json(api.get("/api/v1/credit/grades?participant=PAYMENT", Role.ANALYST)).get("grades");
    for (Grade g : Grade.values()) {
      assertEquals(
          beforePayment.getOrDefault(g, 0L) + payment.getOrDefault(g, 0L),
          counts(byPayment).get(g),
          g.name());
    }

    // Every downgrade the accounts made, newest first; the viewer sees no score or cause.
    List<CreditGradeChange> expected = new ArrayList<>();
    UPDATES.values().stream()
        .flatMap(List::stream)
        .map(CreditUpdate::gradeChange)
        .filter(c -> c != null && c.downgrade())
        .forEach(expected::add);
    expected.sort(
        Comparator.comparing(CreditGradeChange::at)
            .reversed()
            .thenComparing(CreditGradeChange::code));
    assertFalse(expected.isEmpty());
    List<JsonNode> downgrades = new ArrayList<>();
    body.get("downgrades")
        .forEach(
            d -> {
              if (d.get("code").asText().startsWith(RUN)) downgrades.add(d);
            });
    assertEquals(expected.size(), downgrades.size(), body.get("downgrades").toString());
    for (int i = 0; i < expected.size(); i++) {
      CreditGradeChange c = expected.get(i);
      JsonNode d = downgrades.get(i);
      assertEquals(c.code(), d.get("code").asText());
      assertEquals(c.from().name(), d.get("from").asText());
      assertEquals(c.to().name(), d.get("to").asText());
      assertEquals(c.at(), Instant.parse(d.get("at").asText()));
      assertFalse(d.has("score"));
      assertFalse(d.has("cause"));
    }
    JsonNode forAnalyst = json(api.get("/api/v1/credit/grades?downgrades=100", Role.ANALYST));
    JsonNode first = null;
    for (JsonNode d : forAnalyst.get("downgrades")) {
      if (d.get("code").asText().equals(expected.get(0).code())) {
        first = d;
        break;
      }
    }
    assertEquals(expected.get(0).score(), first.get("score").asDouble(), 1e-9);
    assertEquals(expected.get(0).cause().name(), first.get("cause").asText());

    JsonNode bad = problem(api.get("/api/v1/credit/grades?participant=BANK", Role.VIEWER), 400);
    assertEquals("participant", bad.at("/invalidParams/0").asText());
  }
}
