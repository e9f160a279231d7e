package io.sanliu.api.push;

/**
 * One alert read from the alerts topic, rendered once for everybody: in full (risk officers) and
 * with personal values hidden (everyone else).
 *
 * @param position the stream position once this alert is delivered: its SSE id
 */
public record FeedEvent(
    int partition,
    long offset,
    StreamPosition position,
    boolean shadow,
    String fullJson,
    String hiddenJson) {}
