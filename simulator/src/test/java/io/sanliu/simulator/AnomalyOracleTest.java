package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.traffic.Doc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each risk rule written naively over what a run sends: it finds exactly the labelled anomalies of
 * its kind (recall and precision both 1), so normal traffic never trips a rule by accident. This is
 * also the reference for the thresholds a detection may use (docs/simulator.md).
 */
class AnomalyOracleTest {
  static final BigDecimal CENT = new BigDecimal("0.01");
  static final BigDecimal LIMIT = new BigDecimal("5000");
  static final BigDecimal QUOTA = new BigDecimal("26000");
  static Generated run;
  static Map<String, Doc> orders = new HashMap<>();
  static Map<String, Doc> payments = new HashMap<>();
  static Map<String, Doc> lists = new HashMap<>();
  static Map<String, Doc> listsByWaybill = new HashMap<>();
  static Map<String, Doc> waybills = new HashMap<>();
  static Map<String, List<Doc>> tracking = new HashMap<>();
  static Map<String, BigDecimal> filedPrice = new HashMap<>();
  static Map<String, BigDecimal> fxReceived = new HashMap<>();

  @BeforeAll
  static void generate() {
    run =
        Generated.run(
            5, Generated.START, AnomalyRates.defaults().withAll(0.01), Duration.ofMinutes(5), 40);
    for (Doc d : run.docs()) {
      if (d.invalid()) continue;
      switch (d.type()) {
        case ORDER -> orders.put(orderKey(d), d);
        case PAYMENT -> payments.putIfAbsent(orderKey(d), d);
        case CUSTOMS_LIST -> {
          lists.putIfAbsent(orderKey(d), d);
          listsByWaybill.putIfAbsent(d.text("logisticsNo"), d);
        }
        case WAYBILL -> waybills.putIfAbsent(d.text("logisticsNo"), d);
        case LOGISTICS_EVENT -> {
          if (!d.replay())
            tracking.computeIfAbsent(d.text("logisticsNo"), k -> new ArrayList<>()).add(d);
        }
        case FX_RECEIPT -> fxReceived.merge(orderKey(d), amount(d, "amount"), BigDecimal::add);
        default -> {}
      }
    }
    tracking.values().forEach(l -> l.sort(Comparator.comparing(AnomalyOracleTest::occurred)));
    for (Doc f : run.filings()) {
      if (f.type() == EventType.GOODS_FILING)
        filedPrice.put(f.text("itemNo"), amount(f, "filedPrice"));
    }
  }

  static String orderKey(Doc d) {
    return DocumentKeys.order(d.text("ebpCode"), d.text("orderNo"));
  }

  static BigDecimal amount(Doc d, String field) {
    String t = d.text(field);
    return t == null ? BigDecimal.ZERO : new BigDecimal(t);
  }

  static BigDecimal amount(JsonNode n, String field) {
    return n.hasNonNull(field) ? new BigDecimal(n.get(field).asText()) : BigDecimal.ZERO;
  }

  static Instant occurred(Doc d) {
    return CebTime.parse(d.text("occurredAt"));
  }

  static boolean retailImport(Doc order) {
    String mode = order.text("tradeMode");
    return "I".equals(order.text("orderType")) && ("9610".equals(mode) || "1210".equals(mode));
  }

  static Set<String> labelledOrders(AnomalyKind kind) {
    return run.truths(kind).stream()
        .flatMap(t -> t.orderKeys().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> labelledWaybills(AnomalyKind kind) {
    return run.truths(kind).stream()
        .flatMap(t -> t.waybillKeys().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static String waybillKey(String logisticsNo) {
    return DocumentKeys.waybill("4403180001", logisticsNo);
  }

  static void assertFound(AnomalyKind kind, Set<String> found, Set<String> labelled) {
    assertFalse(labelled.isEmpty(), kind + ": nothing labelled");
    Set<String> missed = new TreeSet<>(labelled);
    missed.removeAll(found);
    Set<String> extra = new TreeSet<>(found);
    extra.removeAll(labelled);
    assertTrue(missed.isEmpty(), kind + ": labelled but not found " + missed);
    assertTrue(extra.isEmpty(), kind + ": found but not labelled " + extra);
  }

  @Test
  void everyKindIsLabelled() {
    for (AnomalyKind k : AnomalyKind.values()) assertFalse(run.truths(k).isEmpty(), k.name());
  }

  @Test
  void mismatchedDocuments() {
    Set<String> found = new TreeSet<>();
    orders.forEach(
        (key, order) -> {
          Doc payment = payments.get(key);
          if (payment != null
              && amount(payment, "amountPaid")
                      .subtract(amount(order, "acturalPaid"))
                      .abs()
                      .compareTo(CENT)
                  > 0) {
            found.add(key);
          }
          Doc list = lists.get(key);
          if (list != null && !lines(order, "itemNo").equals(lines(list, "itemNo"))) found.add(key);
        });
    assertFound(
        AnomalyKind.MISMATCHED_DOCUMENTS, found, labelledOrders(AnomalyKind.MISMATCHED_DOCUMENTS));
  }

  static List<String> lines(Doc d, String idField) {
    List<String> l = new ArrayList<>();
    for (JsonNode i : d.record().get("items")) {
      l.add(
          i.get(idField).asText()
              + "x"
              + new BigDecimal(i.get("qty").asText()).stripTrailingZeros().toPlainString()
              + "@"
              + i.get("price").asText());
    }
    l.sort(null);
    return l;
  }

  @Test
  void missingPayment() {
    Set<String> found = new TreeSet<>(orders.keySet());
    found.removeAll(payments.keySet());
    assertFound(AnomalyKind.MISSING_PAYMENT, found, labelledOrders(AnomalyKind.MISSING_PAYMENT));
    for (String key : found) {
      assertTrue(lists.containsKey(key), "an order without payment has its list");
    }
  }

  @Test
  void payerNotBuyer() {
    Set<String> found = new TreeSet<>();
    orders.forEach(
        (key, order) -> {
          Doc payment = payments.get(key);
          if (payment != null
              && retailImport(order)
              && !payment.text("payerIdNumber").equals(order.text("buyerIdNumber"))) {
            found.add(key);
          }
        });
    assertFound(AnomalyKind.PAYER_NOT_BUYER, found, labelledOrders(AnomalyKind.PAYER_NOT_BUYER));
  }

  @Test
  void overSingleLimitUnderEitherDefinitionOfTheAmount() {
    Set<String> byPaid = new TreeSet<>();
    Set<String> byTaxable = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          if (!retailImport(o)) return;
          if (amount(o, "acturalPaid").compareTo(LIMIT) > 0) byPaid.add(key);
          if (amount(o, "goodsValue").add(amount(o, "freight")).compareTo(LIMIT) > 0)
            byTaxable.add(key);
        });
    Set<String> labelled = labelledOrders(AnomalyKind.OVER_SINGLE_LIMIT);
    assertFound(AnomalyKind.OVER_SINGLE_LIMIT, byPaid, labelled);
    assertFound(AnomalyKind.OVER_SINGLE_LIMIT, byTaxable, labelled);
  }

  @Test
  void overAnnualQuotaLabelsTheCrossingOrderUnderEitherDefinition() {
    Map<String, List<Doc>> byBuyerYear = new HashMap<>();
    orders.values().stream()
        .filter(AnomalyOracleTest::retailImport)
        .forEach(
            o ->
                byBuyerYear
                    .computeIfAbsent(
                        o.text("buyerIdNumber") + "/" + o.text("appTime").substring(0, 4),
                        k -> new ArrayList<>())
                    .add(o));
    Set<String> byPaid = new TreeSet<>();
    Set<String> byTaxable = new TreeSet<>();
    for (List<Doc> l : byBuyerYear.values()) {
      l.sort(Comparator.comparing((Doc d) -> d.text("appTime")).thenComparing(Doc::sendAt));
      BigDecimal paid = BigDecimal.ZERO;
      BigDecimal taxable = BigDecimal.ZERO;
      for (Doc o : l) {
        BigDecimal p2 = paid.add(amount(o, "acturalPaid"));
        BigDecimal t2 = taxable.add(amount(o, "goodsValue")).add(amount(o, "freight"));
        if (paid.compareTo(QUOTA) <= 0 && p2.compareTo(QUOTA) > 0) byPaid.add(orderKey(o));
        if (taxable.compareTo(QUOTA) <= 0 && t2.compareTo(QUOTA) > 0) byTaxable.add(orderKey(o));
        paid = p2;
        taxable = t2;
      }
    }
    Set<String> labelled = labelledOrders(AnomalyKind.OVER_ANNUAL_QUOTA);
    assertFound(AnomalyKind.OVER_ANNUAL_QUOTA, byPaid, labelled);
    assertFound(AnomalyKind.OVER_ANNUAL_QUOTA, byTaxable, labelled);
  }

  /** Orders of one group (buyer or address), each under the limit, together over it in a window. */
  static Set<String> splits(Map<String, List<Doc>> groups, Duration window) {
    Set<String> found = new TreeSet<>();
    for (List<Doc> l : groups.values()) {
      l.sort(Comparator.comparing(d -> CebTime.parse(d.text("appTime"))));
      for (int i = 0; i < l.size(); i++) {
        Instant from = CebTime.parse(l.get(i).text("appTime"));
        BigDecimal sum = BigDecimal.ZERO;
        List<String> keys = new ArrayList<>();
        for (int j = i; j < l.size(); j++) {
          Doc o = l.get(j);
          if (CebTime.parse(o.text("appTime")).isAfter(from.plus(window))) break;
          if (amount(o, "acturalPaid").compareTo(LIMIT) >= 0) continue;
          sum = sum.add(amount(o, "acturalPaid"));
          keys.add(orderKey(o));
        }
        if (keys.size() > 1 && sum.compareTo(LIMIT) > 0) found.addAll(keys);
      }
    }
    return found;
  }

  static Map<String, List<Doc>> groupedBy(String field) {
    Map<String, List<Doc>> groups = new HashMap<>();
    orders.values().stream()
        .filter(AnomalyOracleTest::retailImport)
        .forEach(o -> groups.computeIfAbsent(o.text(field), k -> new ArrayList<>()).add(o));
    return groups;
  }

  @Test
  void splitOrdersByBuyerOrAddressWithinTheSplitWindow() {
    Set<String> found = splits(groupedBy("buyerIdNumber"), Duration.ofHours(1));
    found.addAll(splits(groupedBy("consigneeAddress"), Duration.ofHours(1)));
    assertFound(AnomalyKind.SPLIT_ORDERS, found, labelledOrders(AnomalyKind.SPLIT_ORDERS));
  }

  @Test
  void aDayLongSplitWindowAlsoSeesTheQuotaSequencesButNoNormalBuyer() {
    Set<String> found = splits(groupedBy("buyerIdNumber"), Duration.ofDays(1));
    found.addAll(splits(groupedBy("consigneeAddress"), Duration.ofDays(1)));
    Set<String> quota = new HashSet<>(labelledOrders(AnomalyKind.OVER_ANNUAL_QUOTA));
    run.truths(AnomalyKind.OVER_ANNUAL_QUOTA)
        .forEach(t -> quota.addAll(List.of(t.details().get("earlierOrders").split(","))));
    found.removeAll(labelledOrders(AnomalyKind.SPLIT_ORDERS));
    found.removeAll(quota);
    assertTrue(found.isEmpty(), "normal orders look split over a day: " + found);
  }

  @Test
  void sharedIdentityWhenThreeOrMoreBuyerIdsShareAnAddressOrTelephone() {
    Set<String> found = new TreeSet<>();
    for (String field : List.of("consigneeAddress", "buyerTelephone", "consigneeTelephone")) {
      Map<String, List<Doc>> groups = groupedBy(field);
      groups
          .values()
          .forEach(
              l -> {
                Set<String> ids =
                    l.stream().map(o -> o.text("buyerIdNumber")).collect(Collectors.toSet());
                if (ids.size() >= 3) l.forEach(o -> found.add(orderKey(o)));
              });
    }
    Map<String, Set<String>> buyersOfPayer = new HashMap<>();
    payments.forEach(
        (key, p) -> {
          Doc o = orders.get(key);
          if (o != null && o.text("buyerIdNumber") != null) {
            buyersOfPayer
                .computeIfAbsent(p.text("payerIdNumber"), k -> new HashSet<>())
                .add(o.text("buyerIdNumber"));
          }
        });
    assertTrue(
        buyersOfPayer.values().stream().allMatch(s -> s.size() < 3), "a payer serving many buyers");
    assertFound(AnomalyKind.SHARED_IDENTITY, found, labelledOrders(AnomalyKind.SHARED_IDENTITY));
  }

  @Test
  void undervaluedAgainstTheFiledPriceAndNormalPricesNearIt() {
    Set<String> found = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          for (JsonNode i : o.record().get("items")) {
            BigDecimal filed = filedPrice.get(i.get("itemNo").asText());
            BigDecimal ratio = amount(i, "price").divide(filed, 4, RoundingMode.HALF_UP);
            if (ratio.compareTo(new BigDecimal("0.5")) < 0) found.add(key);
            else if (filed.compareTo(BigDecimal.ONE) > 0) {
              assertTrue(
                  ratio.compareTo(new BigDecimal("0.9")) >= 0
                      && ratio.compareTo(new BigDecimal("1.1")) <= 0,
                  key + " priced " + ratio + " of filed");
            }
          }
        });
    assertFound(AnomalyKind.UNDERVALUED, found, labelledOrders(AnomalyKind.UNDERVALUED));
  }

  @Test
  void taxBelowComputedAndNormalTaxExact() {
    Set<String> found = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          if (!retailImport(o)) return;
          Doc list = lists.get(key);
          BigDecimal insured = list == null ? BigDecimal.ZERO : amount(list, "insuredFee");
          BigDecimal computed =
              amount(o, "goodsValue")
                  .add(amount(o, "freight"))
                  .add(insured)
                  .multiply(new BigDecimal("0.091"))
                  .setScale(2, RoundingMode.HALF_UP);
          BigDecimal declared = amount(o, "taxTotal");
          if (declared.compareTo(computed.subtract(CENT)) < 0) found.add(key);
          else assertEquals(computed, declared, key);
          assertEquals(
              0,
              amount(o, "goodsValue")
                  .add(amount(o, "freight"))
                  .add(declared)
                  .compareTo(amount(o, "acturalPaid")),
              key + " acturalPaid adds up");
        });
    assertFound(
        AnomalyKind.TAX_BELOW_COMPUTED, found, labelledOrders(AnomalyKind.TAX_BELOW_COMPUTED));
  }

  @Test
  void exportPaidNeverShippedAndExportPaidDomestically() {
    Set<String> notShipped = new TreeSet<>();
    Set<String> domestic = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          if (!"E".equals(o.text("orderType")) || !payments.containsKey(key)) return;
          Doc list = lists.get(key);
          if (list == null || !tracking.containsKey(list.text("logisticsNo"))) notShipped.add(key);
          if ("1".equals(payments.get(key).text("payerIdType"))) domestic.add(key);
        });
    assertFound(
        AnomalyKind.EXPORT_PAID_NOT_SHIPPED,
        notShipped,
        labelledOrders(AnomalyKind.EXPORT_PAID_NOT_SHIPPED));
    assertFound(
        AnomalyKind.EXPORT_DOMESTIC_PAYER,
        domestic,
        labelledOrders(AnomalyKind.EXPORT_DOMESTIC_PAYER));
  }

  @Test
  void everyPaidExportButTheLabelledHasItsProceedsReceivedInFull() {
    Set<String> unpaid = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          if (!"E".equals(o.text("orderType")) || !payments.containsKey(key)) return;
          BigDecimal paid = amount(payments.get(key), "amountPaid");
          BigDecimal received = fxReceived.getOrDefault(key, BigDecimal.ZERO);
          if (received.compareTo(paid) < 0) unpaid.add(key);
        });
    assertFound(
        AnomalyKind.EXPORT_NO_FX_RECEIPT, unpaid, labelledOrders(AnomalyKind.EXPORT_NO_FX_RECEIPT));
  }

  @Test
  void orphanPaymentsAndWaybills() {
    Set<String> payments = new TreeSet<>(AnomalyOracleTest.payments.keySet());
    payments.removeAll(orders.keySet());
    Set<String> waybills =
        AnomalyOracleTest.waybills.keySet().stream()
            .filter(no -> !listsByWaybill.containsKey(no))
            .map(AnomalyOracleTest::waybillKey)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> found = new TreeSet<>(payments);
    found.addAll(waybills);
    Set<String> labelled = new TreeSet<>(labelledOrders(AnomalyKind.ORPHAN_DOCUMENT));
    labelled.addAll(labelledWaybills(AnomalyKind.ORPHAN_DOCUMENT));
    assertFound(AnomalyKind.ORPHAN_DOCUMENT, found, labelled);
  }

  @Test
  void negativeListedEnterprisesAndGoods() {
    List<NegativeListEntry> list = run.negativeList();
    assertTrue(list.stream().anyMatch(e -> e.subject() == NegativeListEntry.Subject.ENTERPRISE));
    assertTrue(list.stream().anyMatch(e -> e.subject() == NegativeListEntry.Subject.GOODS));
    Set<String> found = new TreeSet<>();
    orders.forEach(
        (key, o) -> {
          for (JsonNode i : o.record().get("items")) {
            for (NegativeListEntry e : list) {
              if (e.covers(o.text("ebcCode"), null, i.get("itemNo").asText())) found.add(key);
            }
          }
        });
    assertFound(AnomalyKind.NEGATIVE_LISTED, found, labelledOrders(AnomalyKind.NEGATIVE_LISTED));
  }

  @Test
  void stalledParcelsAndNormalGapsBetweenTrackingEvents() {
    Set<String> found = new TreeSet<>();
    Duration maxGap = Duration.ofMinutes(72);
    tracking.forEach(
        (no, events) -> {
          String last = events.get(events.size() - 1).text("status");
          if (!last.equals("DELIVERED") && !last.equals("RETURNED")) found.add(waybillKey(no));
          for (int i = 1; i < events.size(); i++) {
            Duration gap = Duration.between(occurred(events.get(i - 1)), occurred(events.get(i)));
            assertTrue(gap.compareTo(maxGap) <= 0, no + " gap " + gap);
          }
        });
    assertFound(AnomalyKind.STALLED_PARCEL, found, labelledWaybills(AnomalyKind.STALLED_PARCEL));
  }

  @Test
  void weightMismatch() {
    Set<String> found = new TreeSet<>();
    waybills.forEach(
        (no, w) -> {
          Doc list = listsByWaybill.get(no);
          if (list == null) return;
          double ratio =
              amount(w, "weight").doubleValue() / amount(list, "grossWeight").doubleValue();
          if (ratio < 0.9 || ratio > 1.1) found.add(waybillKey(no));
        });
    assertFound(AnomalyKind.WEIGHT_MISMATCH, found, labelledWaybills(AnomalyKind.WEIGHT_MISMATCH));
  }

  @Test
  void replayedMessagesAndRecords() {
    Map<String, Long> messages =
        run.docs().stream()
            .collect(
                Collectors.groupingBy(
                    d -> d.sender() + "|" + d.messageGuid(), Collectors.counting()));
    Map<String, Long> records =
        run.docs().stream()
            .filter(d -> d.recordGuid() != null)
            .collect(Collectors.groupingBy(Doc::recordGuid, Collectors.counting()));
    Set<String> found = new TreeSet<>();
    run.docs()
        .forEach(
            d -> {
              if (messages.get(d.sender() + "|" + d.messageGuid()) > 1
                  || records.getOrDefault(d.recordGuid(), 0L) > 1) {
                found.add(d.messageGuid());
              }
            });
    Set<String> labelled =
        run.truths(AnomalyKind.REPLAYED_MESSAGE).stream()
            .flatMap(t -> t.messageGuids().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    assertFound(AnomalyKind.REPLAYED_MESSAGE, found, labelled);
  }

  @Test
  void rejectedBurstsAreAllTheInvalidDocuments() {
    Set<String> invalid =
        run.docs().stream()
            .filter(Doc::invalid)
            .map(Doc::messageGuid)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> labelled = new TreeSet<>();
    for (GroundTruth t : run.truths(AnomalyKind.REJECTED_BURST)) {
      labelled.addAll(t.messageGuids());
      assertTrue(t.messageGuids().size() >= 15, "a burst is many documents");
      Set<String> senders =
          run.docs().stream()
              .filter(d -> t.messageGuids().contains(d.messageGuid()))
              .map(Doc::sender)
              .collect(Collectors.toSet());
      assertEquals(Set.of(t.enterpriseCode()), senders);
    }
    assertFound(AnomalyKind.REJECTED_BURST, invalid, labelled);
  }

  @Test
  void spikesAreAboutTenTimesTheEnterprisesBaseline() {
    for (GroundTruth t : run.truths(AnomalyKind.ENTERPRISE_VOLUME_SPIKE)) {
      Instant from = Instant.parse(t.details().get("from"));
      Instant to = Instant.parse(t.details().get("to"));
      long inWindow =
          orders.values().stream()
              .filter(o -> t.enterpriseCode().equals(o.text("ebcCode")))
              .filter(
                  o ->
                      !CebTime.parse(o.text("appTime")).isBefore(from.minusSeconds(1))
                          && !CebTime.parse(o.text("appTime")).isAfter(to))
              .count();
      double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
      double baseline = Double.parseDouble(t.details().get("baselinePerHour"));
      assertTrue(inWindow >= t.orderKeys().size(), t.toString());
      assertTrue(inWindow >= Math.min(12, 8 * baseline * hours), t + " only " + inWindow);
      for (String key : t.orderKeys()) {
        assertEquals(t.enterpriseCode(), orders.get(key).text("ebcCode"));
      }
    }
  }

  @Test
  void labelledKeysNameDocumentsThatWereSent() {
    for (GroundTruth t : run.truths()) {
      if (t.kind() == AnomalyKind.ORPHAN_DOCUMENT || t.kind() == AnomalyKind.REJECTED_BURST)
        continue;
      for (String key : t.orderKeys()) assertTrue(orders.containsKey(key), t + " names " + key);
      for (String key : t.waybillKeys()) {
        assertTrue(waybills.containsKey(key.substring(key.indexOf(':') + 1)), t + " names " + key);
      }
      assertTrue(t.truthId().startsWith(run.engine().run() + ":"));
    }
  }
}
