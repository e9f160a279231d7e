package io.sanliu.jobs.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.GoodsFiling;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReferenceStateTest {
  @Test
  void aKeptFilingHasWhatTheRulesReadAndNoneOfItsDescription() {
    GoodsFiling filed =
        new GoodsFiling(
            "REC-1",
            "EBC-1",
            "ITEM-9",
            "婴儿配方奶粉 900g",
            "1901101000",
            "900g/罐",
            "502",
            "122",
            new BigDecimal("238.00"),
            "142",
            AppType.NEW,
            Instant.parse("2026-11-01T00:00:00Z"));

    GoodsFiling kept = ReferenceState.kept(filed);

    assertEquals("REC-1", kept.itemRecordNo());
    assertEquals(filed.businessKey(), kept.businessKey());
    assertEquals("ITEM-9", kept.itemNo());
    assertEquals(new BigDecimal("238.00"), kept.filedPrice());
    assertEquals("142", kept.currency());
    assertEquals(AppType.NEW, kept.appType());
    assertEquals(filed.eventTime(), kept.eventTime());
    assertNull(kept.itemName());
    assertNull(kept.gmodel());
    assertNull(kept.gcode());
  }
}
