package io.sanliu.jobs.stats;

import io.sanliu.model.events.CustomsList;
import java.time.Instant;

/**
 * A customs list customs has released: what the customs caliber counts, at {@code releasedAt}.
 *
 * @param listGuid the guid of the list's record (its envelope's message guid)
 * @param source the sender of the list
 */
public record ReleasedList(CustomsList list, String listGuid, String source, Instant releasedAt) {}
