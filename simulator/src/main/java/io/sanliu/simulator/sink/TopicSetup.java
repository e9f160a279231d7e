package io.sanliu.simulator.sink;

import io.sanliu.model.kafka.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics the simulator writes when they are missing (the broker does not create topics
 * by itself), with the registry's partition counts and cleanup policies; leaves existing ones
 * alone.
 */
public final class TopicSetup {
  private TopicSetup() {}

  public static void ensure(
      String bootstrap, List<Topic<?>> topics, int partitions, short replication) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?> t : topics) {
        if (existing.contains(t.name())) continue;
        missing.add(
            new NewTopic(t.name(), t.partitionsOr(partitions), replication)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        t.compacted()
                            ? TopicConfig.CLEANUP_POLICY_COMPACT
                            : TopicConfig.CLEANUP_POLICY_DELETE)));
      }
      if (missing.isEmpty()) return;
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
    }
  }
}
