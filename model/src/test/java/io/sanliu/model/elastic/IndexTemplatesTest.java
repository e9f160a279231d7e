package io.sanliu.model.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IndexTemplatesTest {

  static Stream<String> indices() {
    return Indices.ALL.stream();
  }

  private static JsonNode template(String index) throws Exception {
    String resource = Indices.templateResource(index);
    try (InputStream in = IndexTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "no template resource " + resource);
      return Json.mapper().readTree(in);
    }
  }

  /** Elasticsearch index patterns: {@code *} matches any run of characters. */
  private static boolean matches(String pattern, String index) {
    String regex =
        Stream.of(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return index.matches(regex);
  }

  @Test
  void indexNamesAreUniqueAndValidForElasticsearch() {
    assertEquals(Indices.ALL.size(), Indices.ALL.stream().distinct().count());
    for (String index : Indices.ALL) {
      assertTrue(index.matches("sanliu-[a-z0-9-]+"), index);
    }
  }

  @ParameterizedTest
  @MethodSource("indices")
  void everyIndexHasATemplateThatParsesAsJson(String index) throws Exception {
    JsonNode template = template(index);

    assertTrue(template.isObject(), index);
    assertTrue(template.path("template").isObject(), index);
  }

  @ParameterizedTest
  @MethodSource("indices")
  void templateIndexPatternsMatchTheIndexName(String index) throws Exception {
    JsonNode patterns = template(index).path("index_patterns");

    assertTrue(patterns.isArray() && !patterns.isEmpty(), index);
    boolean any = false;
    for (JsonNode p : patterns) any |= matches(p.asText(), index);
    assertTrue(any, index + " not matched by " + patterns);
  }

  @ParameterizedTest
  @MethodSource("indices")
  void mappingsAreExplicitAndStrict(String index) throws Exception {
    JsonNode mappings = template(index).path("template").path("mappings");

    assertEquals("strict", mappings.path("dynamic").asText(), index);
    JsonNode properties = mappings.path("properties");
    assertTrue(properties.isObject() && !properties.isEmpty(), index);
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode def = field.getValue();
      assertTrue(
          def.hasNonNull("type") || def.path("properties").isObject(),
          index + "." + field.getKey() + " has no type");
      assertFalse(
          def.has("dynamic") && !"strict".equals(def.path("dynamic").asText()),
          index + "." + field.getKey() + " relaxes dynamic mapping");
    }
  }
}
