package io.sanliu.jobs.stats;

/** What a ranking keeps of one country, enterprise or goods: its measures in the window. */
public record RankedValue(long orders, long parcels, long valueCents) {}
