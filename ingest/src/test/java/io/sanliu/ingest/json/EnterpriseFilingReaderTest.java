package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.EnterpriseRole;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnterpriseFilingReaderTest {
  private final EnterpriseFilingReader reader = new EnterpriseFilingReader();

  static ObjectNode validFiling() {
    return object(
        """
        {"enterpriseCode":"4403169D3W","enterpriseName":"深圳某跨境电商平台有限公司",
         "creditCode":"9144030071526726XG","roles":["platform","ECOMMERCE"],
         "customsCode":"5301","country":"142","address":"广东省深圳市前海深港合作区前湾一路1号",
         "appType":"1","filedAt":"20260105090000"}
        """);
  }

  @Test
  void readsAValidFilingFieldByField() {
    DocumentReader.Result<EnterpriseFiling> r = reader.read(validFiling());
    assertTrue(r.ok(), () -> r.errors().toString());
    EnterpriseFiling e = r.event();
    assertEquals("4403169D3W", r.key());
    assertEquals("4403169D3W", e.enterpriseCode());
    assertEquals("深圳某跨境电商平台有限公司", e.enterpriseName());
    assertEquals("9144030071526726XG", e.creditCode());
    assertEquals(Set.of(EnterpriseRole.PLATFORM, EnterpriseRole.ECOMMERCE), e.roles());
    assertEquals("5301", e.customsCode());
    assertEquals("142", e.country());
    assertEquals("广东省深圳市前海深港合作区前湾一路1号", e.address(), "a company's address is not personal");
    assertEquals(AppType.NEW, e.appType());
    assertEquals(Instant.parse("2026-01-05T01:00:00Z"), e.filedAt());
  }

  @Test
  void theZoneFilesEnterprisesSoNoParticipantMustBeTheSender() {
    assertNull(reader.participantCode(reader.read(validFiling()).event()));
  }

  @Test
  void rolesMayComeAsOneTextOfCommaSeparatedNames() {
    ObjectNode json = validFiling();
    json.put("roles", "LOGISTICS, warehouse");
    assertEquals(
        Set.of(EnterpriseRole.LOGISTICS, EnterpriseRole.WAREHOUSE),
        reader.read(json).event().roles());
  }

  @Test
  void aCreditCodeWithAWrongCheckCharacterIsLeftToTheCreditRules() {
    ObjectNode json = validFiling();
    json.put("creditCode", "9144030071526726XA");
    assertTrue(reader.read(json).ok());
  }

  @Test
  void anUnknownCountryIsKept() {
    ObjectNode json = validFiling();
    json.put("country", "999");
    assertEquals("999", reader.read(json).event().country());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validFiling();
    json.remove("enterpriseName");
    json.put("creditCode", "9144030071526726X");
    json.putArray("roles").add("PLATFORM").add("BANK").add(3);
    json.put("appType", "0");
    json.put("filedAt", "2026-01-05");
    DocumentReader.Result<EnterpriseFiling> r = reader.read(json);
    assertEquals(
        List.of("enterpriseName", "creditCode", "roles[1]", "roles[2]", "appType", "filedAt"),
        paths(r));
    assertError(r, "creditCode", "18-character");
    assertError(r, "roles[1]", "PLATFORM, ECOMMERCE, LOGISTICS, PAYMENT, AGENT, WAREHOUSE");
    assertError(r, "roles[2]", "must be a role name");
    assertEquals("4403169D3W", r.key());
  }

  @Test
  void aCreditCodeWithLettersOutsideTheStandardIsRefused() {
    ObjectNode json = validFiling();
    json.put("creditCode", "91440300MA5DOBCD1X");
    assertError(reader.read(json), "creditCode", "'O' at position 13");
  }

  @Test
  void anEnterpriseNeedsAtLeastOneRole() {
    ObjectNode json = validFiling();
    json.putArray("roles");
    assertError(reader.read(json), "roles", "at least one role");
    json.remove("roles");
    assertError(reader.read(json), "roles", "is required");
    json.put("roles", 7);
    assertError(reader.read(json), "roles", "array of role names");
  }
}
