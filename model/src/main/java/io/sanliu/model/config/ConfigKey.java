package io.sanliu.model.config;

/**
 * Every setting the platform reads, in one registry. The name is the environment variable (and the
 * key in an optional properties file named by {@code SANLIU_CONFIG}); the defaults point at the
 * embedded stack that {@code sanliu local} starts.
 */
public enum ConfigKey {
  KAFKA_BOOTSTRAP("SANLIU_KAFKA_BOOTSTRAP", "localhost:9092", "Kafka bootstrap servers."),
  KAFKA_START_AT(
      "SANLIU_KAFKA_START_AT",
      "",
      "Where a job started without a checkpoint begins reading its topics: empty for the earliest"
          + " record, or an ISO-8601 instant for the first record Kafka received at or after it (a"
          + " replay from a point in time)."),
  KAFKA_TOPIC_PARTITIONS(
      "SANLIU_KAFKA_TOPIC_PARTITIONS", "4", "Partitions of the business topics when created."),
  KAFKA_TOPIC_REPLICATION(
      "SANLIU_KAFKA_TOPIC_REPLICATION", "1", "Replication factor of topics when created."),
  ES_URL("SANLIU_ES_URL", "http://localhost:9200", "Elasticsearch HTTP address."),
  ES_USERNAME("SANLIU_ES_USERNAME", "", "Elasticsearch user (empty: no authentication)."),
  ES_PASSWORD("SANLIU_ES_PASSWORD", "", "Elasticsearch password."),
  INGEST_HOST("SANLIU_INGEST_HOST", "127.0.0.1", "Address the ingest gateway binds."),
  INGEST_PORT("SANLIU_INGEST_PORT", "8090", "Port of the ingest gateway (0: any free port)."),
  INGEST_MAX_BODY_BYTES(
      "SANLIU_INGEST_MAX_BODY_BYTES", "4194304", "Largest request body the gateway accepts."),
  INGEST_SENDERS_FILE(
      "SANLIU_INGEST_SENDERS_FILE",
      "",
      "Properties file of the senders allowed to push: `CODE = ROLE,API_KEY` per line (ROLE one"
          + " of PLATFORM, PAYMENT, LOGISTICS, CUSTOMS, ZONE). `sanliu local` writes one for the"
          + " simulator."),
  INGEST_MAX_RECORDS(
      "SANLIU_INGEST_MAX_RECORDS", "1000", "Most records one message may hold (413 beyond)."),
  INGEST_MAX_IN_FLIGHT_RECORDS(
      "SANLIU_INGEST_MAX_IN_FLIGHT_RECORDS",
      "20000",
      "Records waiting for Kafka's acknowledgement before the gateway answers 429."),
  INGEST_MAX_CONCURRENT_REQUESTS(
      "SANLIU_INGEST_MAX_CONCURRENT_REQUESTS",
      "256",
      "Requests the gateway holds at once (each body in memory); beyond, it answers 429 at once."),
  INGEST_REMEMBERED_RECEIPTS(
      "SANLIU_INGEST_REMEMBERED_RECEIPTS",
      "1000000",
      "Receipts of accepted messages kept in memory to answer replays (oldest forgotten first)."),
  API_HOST("SANLIU_API_HOST", "127.0.0.1", "Address the query API binds."),
  API_PORT("SANLIU_API_PORT", "8080", "Port of the query API and dashboards (0: any free port)."),
  API_JWT_SECRET(
      "SANLIU_API_JWT_SECRET",
      "",
      "HS256 secret (at least 32 characters) that signs and checks the query API's bearer tokens."
          + " Empty: a random secret per start, so only tokens this process issued are valid."),
  API_DEV_TOKENS(
      "SANLIU_API_DEV_TOKENS",
      "false",
      "Development only: `POST /api/v1/auth/token` hands out a token for any role without"
          + " credentials. `sanliu local` turns it on; never in production."),
  API_TOKEN_TTL(
      "SANLIU_API_TOKEN_TTL",
      "PT8H",
      "Lifetime (ISO-8601) of the tokens the API or `sanliu token` issues."),
  API_RATE_LIMIT(
      "SANLIU_API_RATE_LIMIT",
      "20",
      "Requests per second one token's subject may make on average (429 with Retry-After"
          + " beyond)."),
  API_RATE_BURST(
      "SANLIU_API_RATE_BURST",
      "60",
      "Requests one subject may make at once before the average rate applies."),
  API_MAX_BODY_BYTES(
      "SANLIU_API_MAX_BODY_BYTES",
      "65536",
      "Largest request body the query API reads (413 beyond)."),
  API_CORS_ORIGINS(
      "SANLIU_API_CORS_ORIGINS",
      "",
      "Comma-separated origins (e.g. `https://console.example.gov.cn`) whose pages may call the"
          + " API from a browser; empty: same origin only."),
  API_CACHE_TTL(
      "SANLIU_API_CACHE_TTL",
      "PT1S",
      "How long (ISO-8601) screen-facing GET answers are reused for the same path, query and role."),
  API_SSE_HEARTBEAT(
      "SANLIU_API_SSE_HEARTBEAT",
      "PT15S",
      "Interval of the comment lines that keep idle event streams open through proxies."),
  API_SSE_REPLAY(
      "SANLIU_API_SSE_REPLAY",
      "5000",
      "Recent alerts kept in memory to replay to a stream client reconnecting with"
          + " Last-Event-ID."),
  SQL_MAX_ROWS(
      "SANLIU_SQL_MAX_ROWS",
      "10000",
      "SQL: most rows one query returns; more are cut off and the answer says `truncated`."),
  SQL_TIMEOUT(
      "SANLIU_SQL_TIMEOUT",
      "PT30S",
      "SQL: longest time (ISO-8601) one query may run before it is stopped and refused."),
  SQL_MAX_SCAN_ROWS(
      "SANLIU_SQL_MAX_SCAN_ROWS",
      "500000",
      "SQL: most documents one table scan may read from Elasticsearch when the work cannot be"
          + " pushed down (a query needing more is refused: filter or aggregate it)."),
  PII_HMAC_KEY(
      "SANLIU_PII_HMAC_KEY",
      "sanliu-dev-only-key-change-me",
      "Secret key of the keyed hash (HMAC-SHA256) applied to personal identifiers at ingest."),
  FLINK_PARALLELISM("SANLIU_FLINK_PARALLELISM", "2", "Parallelism of the Flink jobs."),
  FLINK_CHECKPOINT_INTERVAL_MS(
      "SANLIU_FLINK_CHECKPOINT_INTERVAL_MS", "10000", "Checkpoint interval of the Flink jobs."),
  FLINK_MAX_OUT_OF_ORDERNESS_MS(
      "SANLIU_FLINK_MAX_OUT_OF_ORDERNESS_MS",
      "5000",
      "Bounded out-of-orderness of event time in the Flink jobs."),
  FLINK_IDLE_SOURCE_MS(
      "SANLIU_FLINK_IDLE_SOURCE_MS",
      "5000",
      "After this long without records a Kafka partition stops holding back watermarks."),
  MATCH_PAYMENT_WAIT(
      "SANLIU_MATCH_PAYMENT_WAIT",
      "PT30M",
      "Three-document matching: how long (event time, ISO-8601) after the order its payment may"
          + " take before the parcel is reported incomplete."),
  MATCH_DOCUMENTS_WAIT(
      "SANLIU_MATCH_DOCUMENTS_WAIT",
      "PT96H",
      "Three-document matching: how long after a parcel's first document the rest may take (B2B"
          + " and overseas-warehouse waybills come up to 72 h after the order)."),
  LOGISTICS_STALL_FACTOR(
      "SANLIU_LOGISTICS_STALL_FACTOR",
      "3",
      "Logistics: a parcel is stalled when its current stage lasts this many times the stage's"
          + " usual (median) duration on its route, mode and carrier."),
  LOGISTICS_STALL_FLOOR(
      "SANLIU_LOGISTICS_STALL_FLOOR",
      "PT2H",
      "Logistics: the shortest stall limit (event time, ISO-8601), for stages that usually take"
          + " minutes."),
  LOGISTICS_STALL_DEFAULT(
      "SANLIU_LOGISTICS_STALL_DEFAULT",
      "P3D",
      "Logistics: the stall limit of a stage without history yet (fewer than 5 completed stages"
          + " of its kind)."),
  LOGISTICS_RETENTION(
      "SANLIU_LOGISTICS_RETENTION",
      "P2D",
      "Logistics: how long (event time) a delivered or returned parcel's timeline is kept for late"
          + " events before its state is cleared."),
  CREDIT_HALF_LIFE(
      "SANLIU_CREDIT_HALF_LIFE",
      "P90D",
      "Credit: the half-life (event time, ISO-8601) of evidence in a score; older behaviour weighs"
          + " less, a half-life old half as much."),
  CREDIT_GRADE_MARGIN(
      "SANLIU_CREDIT_GRADE_MARGIN",
      "2",
      "Credit: points a score must pass a grade's bound by before the grade changes (hysteresis)."),
  CREDIT_RETENTION(
      "SANLIU_CREDIT_RETENTION",
      "P14D",
      "Credit: how long (event time) a parcel's documents are remembered to attribute its match,"
          + " customs statuses and alerts to its participants."),
  CREDIT_LIST_AFTER_WORST(
      "SANLIU_CREDIT_LIST_AFTER_WORST",
      "P30D",
      "Credit: how long (event time) an enterprise stays at the worst grade (D) before the credit"
          + " job lists it on the negative list by rule."),
  STATS_ALLOWED_LATENESS(
      "SANLIU_STATS_ALLOWED_LATENESS",
      "PT10M",
      "Trade statistics: how late (event time, ISO-8601) after its window's end a document still"
          + " updates the window's documents; later ones go to the dead-letter topic."),
  STATS_TOP_N(
      "SANLIU_STATS_TOP_N",
      "10",
      "Trade statistics: how many countries, enterprises and goods each window's rankings hold."),
  STATS_RELEASE_WAIT(
      "SANLIU_STATS_RELEASE_WAIT",
      "P7D",
      "Trade statistics: how long (event time) a customs list and its release receipt wait for"
          + " each other before they are forgotten."),
  LOCAL_DATA_DIR(
      "SANLIU_LOCAL_DATA_DIR",
      "",
      "Where `sanliu local` keeps Kafka and Elasticsearch data (empty: a fresh temp directory"
          + " removed on exit)."),
  LOCAL_KAFKA_PORT("SANLIU_LOCAL_KAFKA_PORT", "9092", "Port of the embedded Kafka broker."),
  LOCAL_ES_PORT("SANLIU_LOCAL_ES_PORT", "9200", "HTTP port of the embedded Elasticsearch."),
  LOCAL_ES_HOME(
      "SANLIU_LOCAL_ES_HOME",
      "",
      "Unpacked Elasticsearch distribution (empty: the one the build unpacked)."),
  LOCAL_ES_HEAP("SANLIU_LOCAL_ES_HEAP", "512m", "Heap of the embedded Elasticsearch."),
  LOCAL_ES_RUN_AS(
      "SANLIU_LOCAL_ES_RUN_AS",
      "sanliu-es",
      "Unprivileged user that runs the embedded Elasticsearch when the launcher is root (created"
          + " if missing).");

  private final String env;
  private final String defaultValue;
  private final String description;

  ConfigKey(String env, String defaultValue, String description) {
    this.env = env;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String env() {
    return env;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }
}
