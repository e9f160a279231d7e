package io.sanliu.jobs.index;

/**
 * The start or the end of a stretch the composite index times: a customs list declared or released
 * (key: its order), a parcel picked up or delivered (key: its waybill).
 *
 * @param key whose stretch it is
 * @param time event time, epoch millis
 * @param start true for the start (declared, picked up), false for the end
 */
public record StretchMark(String key, long time, boolean start) {}
