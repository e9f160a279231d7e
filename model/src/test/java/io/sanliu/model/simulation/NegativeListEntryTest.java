package io.sanliu.model.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.simulation.NegativeListEntry.Subject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NegativeListEntryTest {
  private static final Instant AT = Instant.parse("2026-11-22T00:00:00Z");

  private final NegativeListEntry enterprise =
      new NegativeListEntry(
          "NL-1",
          Subject.ENTERPRISE,
          "4403910007",
          null,
          null,
          null,
          "走私违法记录",
          "ZONE4403",
          AT,
          null);
  private final NegativeListEntry goods =
      new NegativeListEntry(
          "NL-2",
          Subject.GOODS,
          "4403910008",
          "GR4403910008001",
          "SKU-8-001",
          "3304990099",
          "抽检不合格",
          "ZONE4403",
          AT,
          null);

  @Test
  void anEnterpriseEntryCoversEveryLineOfTheEnterprise() {
    assertTrue(enterprise.covers("4403910007", "anything", "any"));
    assertFalse(enterprise.covers("4403910008", null, null));
  }

  @Test
  void aGoodsEntryCoversThatItemOfThatEnterpriseOnly() {
    assertTrue(goods.covers("4403910008", "GR4403910008001", null));
    assertTrue(goods.covers("4403910008", null, "SKU-8-001"));
    assertFalse(goods.covers("4403910008", "GR4403910008002", "SKU-8-002"));
    assertFalse(goods.covers("4403910009", "GR4403910008001", "SKU-8-001"));
  }

  @Test
  void aGoodsEntryMustNameTheItem() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new NegativeListEntry(
                "NL-3", Subject.GOODS, "4403910008", null, null, "3304990099", "x", "Z", AT, null));
  }

  @Test
  void roundTripsThroughItsCompactedTopic() {
    assertEquals(
        goods, NegativeListEntry.TOPIC.deserialize(NegativeListEntry.TOPIC.serialize(goods)));
    assertTrue(NegativeListEntry.TOPIC.compacted());
    assertEquals(1, NegativeListEntry.TOPIC.partitionsOr(8));
    assertTrue(NegativeListEntry.TOPIC.name().matches("sanliu\\.[a-z]+(-[a-z]+)*"));
  }

  @Test
  void aCountryEntryCoversGoodsFromThatCountryOfAnyEnterprise() {
    NegativeListEntry country =
        new NegativeListEntry(
            "NL-C-408", Subject.COUNTRY, null, null, null, null, "制裁", "ZONE4403", AT, "408");
    assertTrue(country.coversCountry("408"));
    assertFalse(country.coversCountry("116"));
    assertFalse(country.covers("4403910007", null, "SKU-8-001"), "not an enterprise entry");
    assertFalse(goods.coversCountry("408"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new NegativeListEntry(
                "NL-C", Subject.COUNTRY, null, null, null, null, "x", "Z", AT, null));
  }

  @Test
  void aRemovalIsTheEntryAgainInForceUntilThen() {
    Instant off = AT.plusSeconds(3600);
    NegativeListEntry removed = enterprise.removed(off, "整改完成", "admin-1");
    assertEquals("NL-1", removed.key(), "the same key: the compacted topic keeps the removal");
    assertEquals("走私违法记录", removed.reason(), "why it was listed stays");
    assertEquals("整改完成", removed.removalReason());
    assertTrue(removed.isRemoved());
    assertFalse(enterprise.isRemoved());
    assertTrue(removed.inForceAt(off.minusMillis(1)), "orders before the removal stay covered");
    assertFalse(removed.inForceAt(off));
    assertTrue(enterprise.inForceAt(off.plusSeconds(86_400)));
  }
}
