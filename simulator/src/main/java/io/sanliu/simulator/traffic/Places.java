package io.sanliu.simulator.traffic;

import io.sanliu.simulator.zone.Rand;
import java.util.List;
import java.util.Map;

/** Where parcels are picked up, fly from, change ships and arrive: sites of tracking events. */
final class Places {
  private Places() {}

  private static final Map<String, List<String>> CITIES =
      Map.ofEntries(
          Map.entry("116", List.of("Tokyo", "Osaka")),
          Map.entry("133", List.of("Seoul", "Incheon")),
          Map.entry("609", List.of("Auckland")),
          Map.entry("601", List.of("Sydney", "Melbourne")),
          Map.entry("305", List.of("Paris", "Lyon")),
          Map.entry("304", List.of("Frankfurt", "Hamburg", "Berlin")),
          Map.entry("307", List.of("Milan", "Rome")),
          Map.entry("312", List.of("Madrid", "Barcelona")),
          Map.entry("309", List.of("Rotterdam", "Amsterdam")),
          Map.entry("331", List.of("Zurich", "Geneva")),
          Map.entry("502", List.of("Los Angeles", "New York", "Chicago")),
          Map.entry("301", List.of("Brussels", "Antwerp")),
          Map.entry("302", List.of("Copenhagen")),
          Map.entry("306", List.of("Dublin")),
          Map.entry("326", List.of("Oslo")),
          Map.entry("141", List.of("Ho Chi Minh City", "Hanoi")),
          Map.entry("112", List.of("Jakarta")),
          Map.entry("410", List.of("Sao Paulo")),
          Map.entry("412", List.of("Santiago")),
          Map.entry("303", List.of("London", "Manchester")),
          Map.entry("501", List.of("Toronto", "Vancouver")),
          Map.entry("344", List.of("Moscow")),
          Map.entry("429", List.of("Mexico City")),
          Map.entry("138", List.of("Dubai")),
          Map.entry("131", List.of("Riyadh")),
          Map.entry("136", List.of("Bangkok")),
          Map.entry("122", List.of("Kuala Lumpur")),
          Map.entry("132", List.of("Singapore")),
          Map.entry("145", List.of("Almaty")),
          Map.entry("327", List.of("Malaszewicze")),
          Map.entry("215", List.of("Port Said")));

  static final List<String> ZONE_CITIES = List.of("深圳", "广州", "东莞", "佛山");

  /** A city of a country (customs code). */
  static String city(Rand rand, String country) {
    List<String> cities = CITIES.get(country);
    return cities == null ? "Capital" : rand.pick(cities);
  }

  /** A foreign delivery address. */
  static String foreignAddress(Rand rand, String country) {
    return rand.between(1, 980)
        + " "
        + rand.pick(new String[] {"Main", "Harbour", "Park", "King", "Station", "Market"})
        + " Street, "
        + city(rand, country)
        + ", "
        + io.sanliu.simulator.zone.Markets.nameEn(country);
  }

  /** Ports of call of a sea voyage from Shenzhen to a destination (customs codes), in order. */
  static List<String> seaHubs(String destination) {
    return switch (destination) {
      case "303", "304", "305", "307", "309", "312", "301", "302", "326" ->
          List.of("132", "215", "309");
      case "502", "501", "429", "410" -> List.of("133");
      case "601", "609" -> List.of("132");
      case "138", "131" -> List.of("132");
      default -> List.of();
    };
  }

  /** Whether the China-Europe railway serves a destination. */
  static boolean railServes(String destination) {
    return List.of("304", "309", "327", "344", "305", "307", "302").contains(destination);
  }

  /** Stations of the China-Europe railway to a destination, in order (customs codes). */
  static List<String> railHubs(String destination) {
    return destination.equals("344") ? List.of("145") : List.of("145", "344", "327");
  }
}
