package io.sanliu.embedded;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the platform's topics that do not exist yet; existing topics are left as they are. */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TopicProvisioner() {}

  /** Every topic of {@link Topics#all()}, sized by the configuration. */
  public static void ensureAll(String bootstrapServers, Config config) {
    ensure(
        bootstrapServers,
        Topics.all(),
        config.getInt(ConfigKey.KAFKA_TOPIC_PARTITIONS),
        (short) config.getInt(ConfigKey.KAFKA_TOPIC_REPLICATION));
  }

  /**
   * Creates the missing topics and waits until every given topic has a leader for each partition.
   *
   * @param defaultPartitions partitions of topics that do not fix their own count
   */
  public static void ensure(
      String bootstrapServers, List<Topic<?>> topics, int defaultPartitions, short replication) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing = await(admin.listTopics().names(), deadline);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?> topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(newTopic(topic, defaultPartitions, replication));
        }
      }
      if (!missing.isEmpty()) {
        admin
            .createTopics(missing)
            .values()
            .forEach(
                (name, created) -> {
                  try {
                    await(created, deadline);
                  } catch (IllegalStateException e) {
                    // Someone else created it between listing and creating: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                  }
                });
        log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
      }
      awaitLeaders(admin, topics.stream().map(Topic::name).toList(), deadline);
    }
  }

  private static NewTopic newTopic(Topic<?> topic, int defaultPartitions, short replication) {
    NewTopic newTopic =
        new NewTopic(topic.name(), topic.partitionsOr(defaultPartitions), replication);
    if (topic.compacted()) {
      newTopic.configs(
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return newTopic;
  }

  /** Creation is acknowledged by the controller; clients need the partitions led on the broker. */
  private static void awaitLeaders(Admin admin, List<String> names, long deadline) {
    while (true) {
      try {
        Map<String, TopicDescription> described =
            await(admin.describeTopics(names).allTopicNames(), deadline);
        boolean led =
            described.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (led) return;
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) throw e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka topics have no leaders after " + TIMEOUT);
      }
      sleep(100);
    }
  }

  private static <T> T await(Future<T> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka admin request timed out after " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning Kafka topics", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning Kafka topics", e);
    }
  }
}
