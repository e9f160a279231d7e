package io.sanliu.simulator.zone;

/**
 * A person who buys or pays, with the clear values the documents carry (the gateway hashes them).
 *
 * @param idType CEB ID type: {@code 1} resident ID card, {@code 2} other (passport)
 * @param idNumber an 18-character resident ID number (with a valid check character), or a passport
 *     number for foreigners
 * @param regNo the buyer's account on the platforms
 * @param district the 6-digit code of the address's division (CEB {@code consigneeDistrict})
 */
public record Person(
    String idType,
    String idNumber,
    String name,
    String telephone,
    String address,
    String district,
    String regNo) {

  public boolean domestic() {
    return "1".equals(idType);
  }
}
