package io.sanliu.jobs.matching;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The matcher's outcomes, as two streams: the parcels it judged and the waybills no list named.
 * Kept apart so that what a consumer derives from them ({@link #flatMap}) runs chained to the
 * operator that made each outcome: an outcome carries its parcel's four documents, and sending it
 * whole to one more operator per consumer cost a serialisation each.
 *
 * @param matched the three-document matcher's results
 * @param unlinked the waybills no customs list named in time
 */
public record ParcelOutcomes(
    DataStream<ParcelOutcome> matched, DataStream<ParcelOutcome> unlinked) {

  /** Both, as one stream (every outcome crosses to whatever reads it). */
  public DataStream<ParcelOutcome> all() {
    return matched.union(unlinked);
  }

  /**
   * {@code f} over every outcome, chained to where it was made: two operators, {@code uid} and
   * {@code uid + "-unlinked"}.
   */
  public <R> DataStream<R> flatMap(
      FlatMapFunction<ParcelOutcome, R> f, TypeInformation<R> type, String name, String uid) {
    return matched
        .flatMap(f, type)
        .name(name)
        .uid(uid)
        .union(
            unlinked.flatMap(f, type).name(name + " (unlinked waybills)").uid(uid + "-unlinked"));
  }
}
