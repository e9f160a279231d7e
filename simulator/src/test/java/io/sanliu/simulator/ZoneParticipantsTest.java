package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoneParticipantsTest {

  @Test
  void theKeysOfASendersFileAreTheKeysItWasWrittenWith() {
    Map<String, String> keys = ZoneParticipants.newApiKeys();
    assertEquals(keys, ZoneParticipants.apiKeysOf(ZoneParticipants.sendersFile(keys)));
    assertEquals(7, keys.size());
  }

  @Test
  void aBrokenLineIsNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ZoneParticipants.apiKeysOf("# senders\n4403960001 = PLATFORM\n"));
    assertEquals("line 2 of the senders file is not CODE = ROLE,API_KEY", e.getMessage());
  }
}
