package io.sanliu.jobs.risk.identity;

/**
 * What one identity is shared by: a delivery address, a telephone or a payer serving several buyer
 * IDs, or one buyer ID sending to several addresses.
 */
public enum IdentityDimension {
  ADDRESS("address", "同一收货地址", "one delivery address", "个订购人身份", "buyer IDs"),
  TELEPHONE("telephone", "同一电话号码", "one telephone", "个订购人身份", "buyer IDs"),
  PAYER("payer", "同一支付人", "one payer", "个订购人身份", "buyer IDs"),
  BUYER_ADDRESSES("buyer", "同一订购人", "one buyer ID", "个收货地址", "delivery addresses");

  private final String role;
  private final String subjectZh;
  private final String subjectEn;
  private final String linkedZh;
  private final String linkedEn;

  IdentityDimension(
      String role, String subjectZh, String subjectEn, String linkedZh, String linkedEn) {
    this.role = role;
    this.subjectZh = subjectZh;
    this.subjectEn = subjectEn;
    this.linkedZh = linkedZh;
    this.linkedEn = linkedEn;
  }

  /** The role under which an alert names the shared subject (a keyed hash). */
  public String role() {
    return role;
  }

  String subjectZh() {
    return subjectZh;
  }

  String subjectEn() {
    return subjectEn;
  }

  String linkedZh() {
    return linkedZh;
  }

  String linkedEn() {
    return linkedEn;
  }

  /** The dimension of a subject key ({@code ADDRESS:<hash>}). */
  public static IdentityDimension ofSubjectKey(String subjectKey) {
    return valueOf(subjectKey.substring(0, subjectKey.indexOf(':')));
  }
}
