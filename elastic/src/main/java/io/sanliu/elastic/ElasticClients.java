package io.sanliu.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The Elasticsearch clients of one process, built from configuration. One transport (one HTTP
 * connection pool) serves both the blocking and the async client.
 */
public final class ElasticClients implements AutoCloseable {
  private final RestClient restClient;
  private final RestClientTransport transport;

  private ElasticClients(RestClient restClient) {
    this.restClient = restClient;
    this.transport =
        new RestClientTransport(restClient, new JacksonJsonpMapper(Json.mapper().copy()));
  }

  public static ElasticClients connect(Config config) {
    return connect(
        config.get(ConfigKey.ES_URL),
        config.get(ConfigKey.ES_USERNAME),
        config.get(ConfigKey.ES_PASSWORD));
  }

  public static ElasticClients connect(String url, String username, String password) {
    RestClientBuilder builder = RestClient.builder(HttpHost.create(url));
    if (username != null && !username.isBlank()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY, new UsernamePasswordCredentials(username, password));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    return new ElasticClients(builder.build());
  }

  public ElasticsearchClient blocking() {
    return new ElasticsearchClient(transport);
  }

  public ElasticsearchAsyncClient async() {
    return new ElasticsearchAsyncClient(transport);
  }

  /** The low-level client, for the few calls the typed client does not cover. */
  public RestClient rest() {
    return restClient;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
