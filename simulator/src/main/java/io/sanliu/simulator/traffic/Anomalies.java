package io.sanliu.simulator.traffic;

import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.simulator.zone.Rand;
import java.time.Instant;

/** Starts the anomaly an order arrival turned into: one deviating parcel, or an episode. */
final class Anomalies {
  private final ParcelAnomalies parcel;
  private final Episodes episode;

  Anomalies(TrafficEngine engine) {
    this.parcel = new ParcelAnomalies(engine);
    this.episode = new Episodes(engine);
  }

  void start(AnomalyKind kind, Instant at, Rand r) {
    switch (kind) {
      case MISMATCHED_DOCUMENTS -> parcel.mismatched(at, r);
      case MISSING_PAYMENT -> parcel.missingPayment(at, r);
      case PAYER_NOT_BUYER -> parcel.payerNotBuyer(at, r);
      case OVER_SINGLE_LIMIT -> parcel.overSingleLimit(at, r);
      case UNDERVALUED -> parcel.undervalued(at, r);
      case TAX_BELOW_COMPUTED -> parcel.taxBelowComputed(at, r);
      case EXPORT_PAID_NOT_SHIPPED -> parcel.paidNotShipped(at, r);
      case EXPORT_NO_FX_RECEIPT -> parcel.noFxReceipt(at, r);
      case EXPORT_DOMESTIC_PAYER -> parcel.domesticPayer(at, r);
      case NEGATIVE_LISTED -> parcel.negativeListed(at, r);
      case STALLED_PARCEL -> parcel.stalled(at, r);
      case WEIGHT_MISMATCH -> parcel.weightMismatch(at, r);
      case OVER_ANNUAL_QUOTA -> episode.overAnnualQuota(at, r);
      case SPLIT_ORDERS -> episode.splitOrders(at, r);
      case SHARED_IDENTITY -> episode.sharedIdentity(at, r);
      case ORPHAN_DOCUMENT -> episode.orphan(at, r);
      case ENTERPRISE_VOLUME_SPIKE -> episode.spike(at, r);
      case REPLAYED_MESSAGE -> episode.replayed(at, r);
      case REJECTED_BURST -> episode.rejectedBurst(at, r);
    }
  }
}
