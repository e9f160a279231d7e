package io.sanliu.jobs.risk.fx;

import java.time.Instant;

/** What an FX rule judges: an export's account when one of its deadlines has come. */
public record FxContext(String orderKey, FxAccount account, Instant due) {}
