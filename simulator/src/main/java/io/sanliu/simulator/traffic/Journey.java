package io.sanliu.simulator.traffic;

import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.simulator.zone.Rand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical and customs life of a parcel after its order: when the waybill and list are
 * declared, the customs statuses of the list (120 accepted → 399 concluded → 800 released, with
 * sometimes 500 inspection on the way or 100 returned instead), and the tracking events with their
 * stage durations, per flow. Gaps between two tracking events never exceed {@link
 * Policy#MAX_TRACKING_GAP_HOURS} zone hours; a long voyage reports its ports of call.
 */
final class Journey {
  /** One tracking event. */
  record Step(
      LogisticsStatus status,
      Instant at,
      String location,
      String country,
      TransportMode mode,
      String note) {}

  /** One customs status of the list. */
  record Status(String code, Instant at) {}

  Instant waybillAt;
  Instant listAt;
  final List<Status> listStatuses = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();

  /** When the parcel was delivered, if it is (evaluations follow). */
  Instant deliveredAt;

  private final Rand r;
  private final ZoneClock clock;

  private Journey(Rand r, ZoneClock clock) {
    this.r = r;
    this.clock = clock;
  }

  private Instant h(Instant t, double minHours, double maxHours) {
    return clock.afterHours(t, r.between(minHours, maxHours));
  }

  private void step(
      LogisticsStatus status, Instant at, String location, String country, TransportMode mode) {
    steps.add(new Step(status, at, location, country, mode, null));
  }

  private void step(
      LogisticsStatus status,
      Instant at,
      String location,
      String country,
      TransportMode mode,
      String note) {
    steps.add(new Step(status, at, location, country, mode, note));
  }

  private Instant last() {
    return steps.get(steps.size() - 1).at();
  }

  static Journey plan(Parcel p, Rand r, ZoneClock clock) {
    Journey j = new Journey(r, clock);
    switch (p.flow) {
      case DIRECT_IMPORT -> j.directImport(p);
      case BONDED_IMPORT -> j.bondedImport(p);
      case DIRECT_EXPORT -> j.directExport(p);
      case B2B_EXPORT, WAREHOUSE_EXPORT -> j.wholesaleExport(p);
    }
    return j;
  }

  /** 120 and 399 after the declaration; the time of 399. */
  private Instant accepted() {
    Instant s120 = h(listAt, 1 / 60.0, 10 / 60.0);
    Instant s399 = h(s120, 5 / 60.0, 1);
    listStatuses.add(new Status("120", s120));
    listStatuses.add(new Status("399", s399));
    return s399;
  }

  /** Release (800) from {@code base}, after an inspection (500) sometimes; its time. */
  private Instant release(Instant base, double inspection, double minH, double maxH) {
    if (r.chance(inspection)) {
      Instant s500 = h(base, 0.2, 2);
      listStatuses.add(new Status("500", s500));
      Instant s800 = h(s500, 4, 30);
      listStatuses.add(new Status("800", s800));
      return s800;
    }
    Instant s800 = h(base, minH, maxH);
    listStatuses.add(new Status("800", s800));
    return s800;
  }

  private String buyerCity(Parcel p) {
    String address = p.consigneeAddress == null ? "" : p.consigneeAddress;
    int cut = address.indexOf('市');
    return cut > 0 && cut < 12 ? address.substring(0, cut + 1) : "深圳市";
  }

  /** Out for delivery and delivered, with now and then a failed attempt or a return. */
  private void lastMile(String city, String country, Instant from, double minH, double maxH) {
    Instant out = h(from, minH, maxH);
    step(LogisticsStatus.OUT_FOR_DELIVERY, out, city + "派送站", country, TransportMode.ROAD);
    if (r.chance(0.02)) {
      Instant exception = h(out, 1, 8);
      step(
          LogisticsStatus.EXCEPTION,
          exception,
          city + "派送站",
          country,
          TransportMode.ROAD,
          "派送异常：收件人电话无法接通");
      if (r.chance(0.2)) {
        step(
            LogisticsStatus.RETURNED,
            h(exception, 12, 60),
            city + "派送站",
            country,
            TransportMode.ROAD,
            "多次派送失败，退回发件人");
        return;
      }
      out = h(exception, 6, 30);
      step(LogisticsStatus.OUT_FOR_DELIVERY, out, city + "派送站", country, TransportMode.ROAD);
    }
    deliveredAt = h(out, 1, 10);
    step(LogisticsStatus.DELIVERED, deliveredAt, city, country, TransportMode.ROAD);
  }

  private void directImport(Parcel p) {
    String origin = p.partnerCountry;
    String originCity = Places.city(r, origin);
    waybillAt = h(p.orderedAt, 1, 20);
    listAt = h(waybillAt, 0.2, 3);
    accepted();
    step(
        LogisticsStatus.PICKED_UP,
        h(waybillAt, 0.5, 6),
        originCity + " warehouse",
        origin,
        TransportMode.ROAD);
    step(
        LogisticsStatus.DEPARTED,
        h(last(), 4, 30),
        originCity + " airport",
        origin,
        TransportMode.AIR);
    if (r.chance(0.01)) {
      step(
          LogisticsStatus.EXCEPTION,
          h(last(), 1, 10),
          originCity + " airport",
          origin,
          TransportMode.AIR,
          "航班延误");
    }
    Instant arrived = h(last(), 4, 16);
    step(LogisticsStatus.ARRIVED, arrived, "深圳宝安国际机场", "142", TransportMode.AIR);
    if (r.chance(0.01)) {
      Instant s100 = h(arrived, 1, 10);
      listStatuses.add(new Status("100", s100));
      step(
          LogisticsStatus.RETURNED,
          h(s100, 6, 48),
          "深圳机场海关监管仓",
          "142",
          TransportMode.AIR,
          "海关退单，退运出境");
      return;
    }
    Instant released = release(arrived, 0.04, 0.5, 6);
    step(
        LogisticsStatus.CUSTOMS_CLEARANCE,
        h(released, 5 / 60.0, 1),
        "深圳机场海关监管仓",
        "142",
        TransportMode.ROAD);
    lastMile(buyerCity(p), "142", last(), 6, 36);
  }

  private void bondedImport(Parcel p) {
    waybillAt = h(p.orderedAt, 0.1, 3);
    listAt = h(p.orderedAt, 0.2, 2);
    Instant concluded = accepted();
    if (r.chance(0.01)) {
      // Returned before it leaves the bonded warehouse: no tracking event at all.
      listStatuses.add(new Status("100", h(concluded, 0.2, 2)));
      return;
    }
    Instant released = release(concluded, 0.03, 0.2, 3);
    Instant start = released.isAfter(waybillAt) ? released : waybillAt;
    step(LogisticsStatus.PICKED_UP, h(start, 0.5, 6), "前海湾保税港区仓库", "142", TransportMode.ROAD);
    step(
        LogisticsStatus.CUSTOMS_CLEARANCE,
        h(last(), 10 / 60.0, 1),
        "前海湾保税港区卡口",
        "142",
        TransportMode.ROAD);
    step(LogisticsStatus.DEPARTED, h(last(), 1, 8), "深圳转运中心", "142", TransportMode.ROAD);
    String city = buyerCity(p);
    step(LogisticsStatus.ARRIVED, h(last(), 4, 30), city + "转运中心", "142", TransportMode.ROAD);
    lastMile(city, "142", last(), 2, 12);
  }

  private void directExport(Parcel p) {
    String dest = p.partnerCountry;
    String seller = r.pick(Places.ZONE_CITIES);
    waybillAt = h(p.orderedAt, 1, 24);
    listAt = h(waybillAt, 0.5, 4);
    Instant concluded = accepted();
    Instant picked = h(waybillAt, 1, 10);
    step(LogisticsStatus.PICKED_UP, picked, seller + "揽收点", "142", TransportMode.ROAD);
    Instant base = picked.isAfter(concluded) ? picked : concluded;
    if (r.chance(0.005)) {
      Instant s100 = h(base, 1, 6);
      listStatuses.add(new Status("100", s100));
      step(
          LogisticsStatus.RETURNED,
          h(s100, 2, 24),
          seller + "揽收点",
          "142",
          TransportMode.ROAD,
          "海关退单，退回卖家");
      return;
    }
    Instant released = release(base, 0.02, 1, 8);
    step(
        LogisticsStatus.CUSTOMS_CLEARANCE,
        h(released, 10 / 60.0, 2),
        "深圳宝安国际机场海关",
        "142",
        TransportMode.AIR);
    step(LogisticsStatus.DEPARTED, h(last(), 2, 24), "深圳宝安国际机场", "142", TransportMode.AIR);
    String city = Places.city(r, dest);
    step(LogisticsStatus.ARRIVED, h(last(), 10, 36), city + " airport", dest, TransportMode.AIR);
    lastMile(city, dest, last(), 12, 48);
  }

  private void wholesaleExport(Parcel p) {
    String dest = p.partnerCountry;
    String factory = r.pick(Places.ZONE_CITIES);
    waybillAt = h(p.orderedAt, 12, 72);
    listAt = h(waybillAt, 1, 12);
    Instant concluded = accepted();
    Instant picked = h(waybillAt, 2, 24);
    step(LogisticsStatus.PICKED_UP, picked, factory + "工厂", "142", TransportMode.ROAD);
    Instant base = picked.isAfter(concluded) ? picked : concluded;
    Instant released = release(base, 0.03, 1, 12);
    TransportMode mode = p.transport;
    String port =
        switch (mode) {
          case SEA -> "深圳盐田港";
          case RAIL -> "深圳平湖南铁路口岸";
          default -> "深圳宝安国际机场";
        };
    step(LogisticsStatus.CUSTOMS_CLEARANCE, h(released, 0.5, 4), port + "海关", "142", mode);
    step(LogisticsStatus.DEPARTED, h(last(), 6, 48), port, "142", mode);
    List<String> hubs =
        switch (mode) {
          case SEA -> Places.seaHubs(dest);
          case RAIL -> Places.railHubs(dest);
          default -> List.of();
        };
    double minLeg = mode == TransportMode.AIR ? 10 : 40;
    double maxLeg = mode == TransportMode.AIR ? 36 : 70;
    for (String hub : hubs) {
      if (hub.equals(dest)) continue;
      String city = Places.city(r, hub);
      step(LogisticsStatus.ARRIVED, h(last(), minLeg, maxLeg), city, hub, mode, "中转");
      step(LogisticsStatus.DEPARTED, h(last(), 6, 30), city, hub, mode, "中转");
    }
    String city = Places.city(r, dest);
    step(LogisticsStatus.ARRIVED, h(last(), minLeg, maxLeg), city, dest, mode);
    if (p.flow == io.sanliu.simulator.zone.Flow.WAREHOUSE_EXPORT) {
      deliveredAt = h(last(), 24, 60);
      step(
          LogisticsStatus.DELIVERED,
          deliveredAt,
          city + " overseas warehouse",
          dest,
          TransportMode.ROAD,
          "入海外仓");
    } else {
      lastMile(city, dest, last(), 12, 48);
    }
  }
}
