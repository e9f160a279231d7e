package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sanliu.model.codes.CreditCode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.EnterpriseRole;
import io.sanliu.model.events.EventType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an enterprise filing (not a CEB message; field names are those of {@link
 * EnterpriseFiling}): {@code enterpriseCode}, {@code enterpriseName}, {@code creditCode}, {@code
 * roles}, {@code appType} and {@code filedAt} required; {@code customsCode}, {@code country},
 * {@code address} optional.
 *
 * <p>{@code creditCode} must be an 18-character unified social credit code (length and characters
 * checked; a wrong check character is left to the credit rules). {@code roles} is a non-empty array
 * of {@link EnterpriseRole} names in any case, or one text of names separated by commas (the form
 * an XML codec gives). {@code country} is kept as sent, an unknown code being a data-quality
 * finding. The address is the enterprise's, not personal data, and is kept in clear.
 */
public final class EnterpriseFilingReader implements DocumentReader<EnterpriseFiling> {
  private static final Function<String, EnterpriseRole> ROLE =
      ValueParsers.enumName(EnterpriseRole.class);

  @Override
  public EventType type() {
    return EventType.ENTERPRISE_FILING;
  }

  /** Null: the zone files enterprises, not the enterprises themselves. */
  @Override
  public String participantCode(EnterpriseFiling filing) {
    return null;
  }

  @Override
  public Result<EnterpriseFiling> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("an enterprise filing");
    FieldReader f = FieldReader.root(json);
    String enterpriseCode = f.requiredText("enterpriseCode");
    EnterpriseFiling filing =
        new EnterpriseFiling(
            enterpriseCode,
            f.requiredText("enterpriseName"),
            f.requiredCode("creditCode", CreditCode::requireValidFormat),
            roles(json, f),
            f.optionalText("customsCode"),
            f.optionalText("country"),
            f.optionalText("address"),
            f.requiredCode("appType", AppType::fromCode),
            f.requiredTime("filedAt"));
    return Result.of(filing, enterpriseCode, f.errors());
  }

  private static Set<EnterpriseRole> roles(JsonNode json, FieldReader f) {
    JsonNode v = json.get("roles");
    Set<EnterpriseRole> roles = EnumSet.noneOf(EnterpriseRole.class);
    if (v == null || v.isNull()) {
      f.error("roles", "is required");
      return roles;
    }
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        role(v.get(i), "roles[" + i + "]", f, roles);
      }
    } else if (v.isTextual()) {
      for (String name : v.asText().split(",")) {
        if (!name.isBlank()) role(TextNode.valueOf(name.trim()), "roles", f, roles);
      }
    } else {
      f.error("roles", "must be an array of role names");
      return roles;
    }
    if (roles.isEmpty() && f.errors().stream().noneMatch(e -> e.path().startsWith("roles"))) {
      f.error("roles", "an enterprise needs at least one role");
    }
    return Collections.unmodifiableSet(roles);
  }

  private static void role(JsonNode n, String path, FieldReader f, Set<EnterpriseRole> roles) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      f.error(path, "must be a role name");
      return;
    }
    try {
      roles.add(ROLE.apply(n.asText()));
    } catch (IllegalArgumentException e) {
      f.error(path, e.getMessage());
    }
  }
}
