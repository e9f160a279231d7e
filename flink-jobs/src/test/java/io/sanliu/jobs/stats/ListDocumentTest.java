package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.EBP;
import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.EventTimes;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.kafka.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListDocumentTest {
  static final Instant AT = Instant.parse("2026-11-22T05:00:00Z");

  @Test
  void theReceiptFilterDecodesExactlyTheReceiptsThatCanReleaseAList() {
    int decoded = 0;
    for (ReceiptKind kind : ReceiptKind.values()) {
      for (String status : List.of("100", "120", "399", "500", "800", "899")) {
        CustomsReceipt r =
            new CustomsReceipt(
                "R-" + kind + status,
                kind,
                EBP,
                "SO1",
                "LC",
                "LN",
                "PC",
                "PT",
                "COP1",
                null,
                status,
                AT,
                null);
        Envelope<CustomsReceipt> e = envelope(r);
        boolean takes = ListDocument.ofReceipt(e).isPresent();
        Long passedOver = ListDocument.RELEASES.passedOverAt(Topics.CUSTOMS_RECEIPTS.serialize(e));
        assertEquals(takes, passedOver == null, kind + " " + status);
        if (!takes) assertEquals(EventTimes.millis(e), passedOver, "its event time still counts");
        if (takes) decoded++;
      }
    }
    assertEquals(2, decoded, "a list's 800 and 899");
  }
}
