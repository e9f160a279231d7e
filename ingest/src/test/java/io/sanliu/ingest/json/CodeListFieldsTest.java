package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeListFieldsTest {

  @Test
  void aKnownCurrencyIsKeptAsItsCustomsCode() {
    FieldReader f = FieldReader.root(object("{\"currency\":\" 502 \",\"c2\":142}"));
    assertEquals("502", CodeListFields.requiredCurrency(f, "currency"));
    assertEquals("142", CodeListFields.optionalCurrency(f, "c2"));
    assertTrue(f.errors().isEmpty(), f.errors()::toString);
  }

  @Test
  void anUnknownOrMissingCurrencyIsAnErrorAtItsPath() {
    FieldReader f = FieldReader.root(object("{\"currency\":\"RMB\"}"));
    assertNull(CodeListFields.requiredCurrency(f, "currency"));
    assertNull(CodeListFields.requiredCurrency(f, "other"));
    assertNull(CodeListFields.optionalCurrency(f, "absent"));
    assertEquals(List.of("currency", "other"), f.errors().stream().map(FieldError::path).toList());
    assertTrue(f.errors().get(0).reason().contains("142 CNY"));
    assertEquals("is required", f.errors().get(1).reason());
  }

  /** What OrderReader does once it reads its currencies and buyer ID type through these. */
  @Test
  void anOrdersCurrenciesAndIdTypeAreCheckedAtTheirPaths() throws Exception {
    ObjectNode order = OrderReaderTest.validOrder();
    order.put("currency", "CNY");
    order.put("buyerIdType", "9");
    ((ObjectNode) order.withArray("items").get(0)).put("currency", "000");
    FieldReader f = FieldReader.root(order);
    CodeListFields.requiredCurrency(f, "currency");
    CodeListFields.optionalIdType(f, "buyerIdType");
    for (FieldReader item : f.array("items", true)) {
      CodeListFields.optionalCurrency(item, "currency");
    }
    assertEquals(
        List.of("currency", "buyerIdType", "items[0].currency"),
        f.errors().stream().map(FieldError::path).toList());
    assertTrue(f.errors().get(0).reason().contains("send its customs code 142"));
  }

  @Test
  void idTypesAndHsCodesAreCheckedAtTheirPaths() {
    FieldReader f =
        FieldReader.root(
            object("{\"t1\":\"1\",\"t2\":\"passport\",\"g1\":\"1901101000\",\"g2\":\"190110\"}"));
    assertEquals("1", CodeListFields.requiredIdType(f, "t1"));
    assertNull(CodeListFields.optionalIdType(f, "t2"));
    assertNull(CodeListFields.requiredIdType(f, "t3"));
    assertEquals("1901101000", CodeListFields.requiredHsCode(f, "g1"));
    assertNull(CodeListFields.requiredHsCode(f, "g2"));
    assertEquals(List.of("t2", "t3", "g2"), f.errors().stream().map(FieldError::path).toList());
  }
}
