package io.sanliu.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sanliu.model.elastic.Indices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Installs the index templates of the platform (explicit mappings, so analysts query typed fields
 * and a stray field fails loudly). Idempotent: templates are replaced by name.
 */
public final class IndexTemplateInstaller {
  private final ElasticsearchClient client;

  public IndexTemplateInstaller(ElasticsearchClient client) {
    this.client = client;
  }

  /** Installs every template of {@link Indices#ALL}; returns their names. */
  public List<String> installAll() {
    for (String index : Indices.ALL) install(index);
    return Indices.ALL;
  }

  public void install(String index) {
    String resource = Indices.templateResource(index);
    try (InputStream json =
        IndexTemplateInstaller.class.getClassLoader().getResourceAsStream(resource)) {
      if (json == null) throw new IllegalStateException("missing template resource " + resource);
      client.indices().putIndexTemplate(t -> t.name(index).withJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install template of " + index, e);
    }
  }
}
