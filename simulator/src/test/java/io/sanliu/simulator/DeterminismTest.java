package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.EventType;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Emission;
import io.sanliu.simulator.traffic.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static final AnomalyRates RATES = AnomalyRates.defaults().withAll(0.01);

  static List<String> lines(Generated g) {
    return g.emissions().stream().map(DeterminismTest::line).toList();
  }

  static String line(Emission e) {
    if (e instanceof Label l) return l.dueAt() + " " + l.truth();
    Doc d = (Doc) e;
    return d.sendAt()
        + " "
        + d.eventTime()
        + " "
        + d.type()
        + " "
        + d.sender()
        + " "
        + d.messageGuid()
        + " "
        + d.format()
        + " "
        + d.intent()
        + " "
        + d.record();
  }

  @Test
  void theSameSeedAndStartGiveTheSameDocumentsLabelsAndFilings() {
    Generated a = Generated.run(3, Generated.START, RATES, Duration.ofMinutes(2), 30);
    Generated b = Generated.run(3, Generated.START, RATES, Duration.ofMinutes(2), 30);

    assertEquals(lines(a), lines(b));
    assertEquals(
        a.filings().stream().map(d -> d.record().toString()).toList(),
        b.filings().stream().map(d -> d.record().toString()).toList());
    assertEquals(a.negativeList(), b.negativeList());
    assertTrue(a.docs().size() > 3000, "documents: " + a.docs().size());
  }

  @Test
  void anotherStartKeepsTheZoneButNeverReusesAGuidANumberOrABuyer() {
    Generated a = Generated.run(3, Generated.START, RATES, Duration.ofMinutes(1), 30);
    Generated b =
        Generated.run(3, Generated.START.plusSeconds(3600), RATES, Duration.ofMinutes(1), 30);

    // The zone is the seed's: same enterprises, goods and negative list.
    assertTrue(filingsWithoutGuids(a).equals(filingsWithoutGuids(b)), "the same filings");
    assertEquals(
        a.negativeList().stream().map(e -> e.entryId()).toList(),
        b.negativeList().stream().map(e -> e.entryId()).toList());
    // The run's identifiers and buyers are its own.
    assertNotEquals(a.engine().run(), b.engine().run());
    assertDisjoint(values(a, "guid"), values(b, "guid"));
    assertDisjoint(values(a, "orderNo"), values(b, "orderNo"));
    assertDisjoint(values(a, "buyerIdNumber"), values(b, "buyerIdNumber"));
    assertDisjoint(
        a.docs().stream().map(Doc::messageGuid).collect(Collectors.toSet()),
        b.docs().stream().map(Doc::messageGuid).collect(Collectors.toSet()));
  }

  @Test
  void anotherSeedIsAnotherZoneWithItsOwnEnterpriseCodes() {
    Generated a = Generated.run(3, Generated.START, RATES, Duration.ofSeconds(10), 30);
    Generated b = Generated.run(4, Generated.START, RATES, Duration.ofSeconds(10), 30);

    Set<String> codesA = enterpriseCodes(a);
    Set<String> codesB = enterpriseCodes(b);
    codesA.removeIf(
        c ->
            c.startsWith("44039600")
                || c.startsWith("44019600")
                || c.startsWith("44039800")
                || c.startsWith("44031800"));
    codesB.removeIf(
        c ->
            c.startsWith("44039600")
                || c.startsWith("44019600")
                || c.startsWith("44039800")
                || c.startsWith("44031800"));
    assertDisjoint(codesA, codesB);
  }

  @Test
  void eventTimesNeverRunAheadOfSendingAndDocumentsComeInDueOrder() {
    Generated g = Generated.run(8, Generated.START, RATES, Duration.ofMinutes(1), 30);
    Instant previous = Instant.MIN;
    for (Emission e : g.emissions()) {
      assertFalse(e.dueAt().isBefore(previous), "in due order");
      previous = e.dueAt();
      if (e instanceof Doc d) {
        assertFalse(d.eventTime().isAfter(d.sendAt()), d.toString());
        assertFalse(d.sendAt().isBefore(Generated.START), d.toString());
      }
    }
  }

  static List<String> filingsWithoutGuids(Generated g) {
    return g.filings().stream()
        .map(
            d -> {
              var copy = d.record().deepCopy();
              copy.remove(List.of("guid", "filedAt"));
              return copy.toString();
            })
        .toList();
  }

  static Set<String> enterpriseCodes(Generated g) {
    return g.filings().stream()
        .filter(d -> d.type() == EventType.ENTERPRISE_FILING)
        .map(d -> d.text("enterpriseCode"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  static Set<String> values(Generated g, String field) {
    return g.docs().stream()
        .map(d -> d.text(field))
        .filter(v -> v != null)
        .collect(Collectors.toSet());
  }

  static void assertDisjoint(Set<String> a, Set<String> b) {
    assertFalse(a.isEmpty());
    assertFalse(b.isEmpty());
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    assertTrue(common.isEmpty(), "shared: " + common.stream().limit(5).toList());
  }
}
