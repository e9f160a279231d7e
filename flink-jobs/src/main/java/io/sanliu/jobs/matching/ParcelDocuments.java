package io.sanliu.jobs.matching;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;

/** The documents of one parcel that have arrived so far; any of them may still be missing. */
public record ParcelDocuments(Order order, Payment payment, Waybill waybill, CustomsList list) {}
