package io.sanliu.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RetailImportTest {
  @Test
  void retailImportIs9610Or1210Inbound() {
    assertTrue(TradeMode.retailImport(Direction.I, TradeMode.DIRECT_9610));
    assertTrue(TradeMode.retailImport(Direction.I, TradeMode.BONDED_1210));
    assertFalse(TradeMode.retailImport(Direction.E, TradeMode.DIRECT_9610));
    assertFalse(TradeMode.retailImport(Direction.I, TradeMode.B2B_EXPORT_9710));
    assertFalse(TradeMode.retailImport(null, null));
    assertTrue(SampleEvents.order().retailImport());
  }

  @Test
  void taxableValueIsGoodsPlusFreight() {
    // The sample: goods 1234.50, freight 10.00 (tax and discount are not part of it).
    assertEquals(new BigDecimal("1244.50"), SampleEvents.order().taxableValue());
  }

  @Test
  void hashOfAMissingFieldIsNull() {
    assertNull(PersonalField.hashOf(null));
    assertNull(PersonalField.hashOf(new PersonalField(" ", "***")));
    assertEquals("abc", PersonalField.hashOf(new PersonalField("abc", "a**")));
  }
}
