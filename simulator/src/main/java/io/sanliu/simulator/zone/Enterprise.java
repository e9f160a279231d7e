package io.sanliu.simulator.zone;

import java.util.List;

/**
 * An e-commerce enterprise of the zone (电商企业): what it files, which flows it trades in, on which
 * platforms it sells, in which currency (exporters) and how much of the zone's orders it has.
 *
 * @param code its customs registration code (ebcCode), 10 characters
 * @param country customs country code: 142 for domestic firms, the seller's country for overseas
 *     sellers of direct imports
 * @param currency customs currency code of its prices (142 for importers)
 * @param markets customs country codes it exports to (exporters)
 * @param weight relative share of the orders of its flows
 */
public record Enterprise(
    String code,
    String name,
    String creditCode,
    String country,
    String address,
    List<Flow> flows,
    String currency,
    List<String> markets,
    List<String> platforms,
    double weight,
    List<Goods> goods) {

  public boolean importer() {
    return flows.get(0).isImport();
  }

  public boolean trades(Flow flow) {
    return flows.contains(flow);
  }
}
