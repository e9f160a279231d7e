package io.sanliu.simulator;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.util.Map;
import java.util.Objects;

/** Where the simulated traffic goes: the ingest gateway, or Kafka directly (load tests). */
public sealed interface SimulatorTarget {

  /**
   * The HTTP gateway, as the participants would push.
   *
   * @param url base URL, e.g. {@code http://127.0.0.1:8090}
   * @param apiKeys API key per participant code (what {@link ZoneParticipants#newApiKeys()} made
   *     and the gateway's senders file holds)
   */
  record Gateway(String url, Map<String, String> apiKeys) implements SimulatorTarget {
    public Gateway {
      Objects.requireNonNull(url, "url");
      apiKeys = Map.copyOf(apiKeys);
    }

    @Override
    public String toString() {
      return "Gateway[" + url + ", " + apiKeys.size() + " API keys]";
    }
  }

  /**
   * The business topics directly, bypassing the gateway: personal fields are hashed here with the
   * platform's key.
   *
   * @param bootstrap Kafka bootstrap servers
   * @param hmacKey the key of the personal-data hash ({@code SANLIU_PII_HMAC_KEY}): the same as the
   *     gateway's, or the platform could not join these records with the gateway's
   * @param partitions partitions of topics the simulator has to create
   * @param replication replication of topics the simulator has to create
   */
  record Kafka(String bootstrap, String hmacKey, int partitions, short replication)
      implements SimulatorTarget {
    public Kafka {
      Objects.requireNonNull(bootstrap, "bootstrap");
      Objects.requireNonNull(hmacKey, "hmacKey");
    }

    @Override
    public String toString() {
      return "Kafka[" + bootstrap + "]";
    }
  }

  static Gateway gateway(String url, Map<String, String> apiKeys) {
    return new Gateway(url, apiKeys);
  }

  /** Kafka as the configuration names it, with its hash key and topic settings. */
  static Kafka kafka(Config config) {
    return new Kafka(
        config.get(ConfigKey.KAFKA_BOOTSTRAP),
        config.get(ConfigKey.PII_HMAC_KEY),
        config.getInt(ConfigKey.KAFKA_TOPIC_PARTITIONS),
        (short) config.getInt(ConfigKey.KAFKA_TOPIC_REPLICATION));
  }
}
