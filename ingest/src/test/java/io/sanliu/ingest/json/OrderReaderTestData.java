package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid order in the gateway's JSON form, for tests to vary. */
public final class OrderReaderTestData {
  private OrderReaderTestData() {}

  public static ObjectNode validOrder() throws Exception {
    return OrderReaderTest.validOrder();
  }
}
