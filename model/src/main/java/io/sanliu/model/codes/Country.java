package io.sanliu.model.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A country or region of the customs country table (海关国别(地区)代码表) as CEB messages write it: a
 * 3-digit code ({@code 142} China, {@code 116} Japan, {@code 502} USA), with its ISO 3166 alpha-2
 * code and its names. Names follow the customs table as published.
 *
 * <p>The table holds the zone's common trade partners, not every code. An unknown code is a
 * data-quality finding, not an error (DOMAIN.md §3): {@link #find} returns empty and readers accept
 * the value. Codes without an ISO country ({@code 701} unknown, {@code 702} international
 * organisations, {@code 999} neutral packing, the {@code x99} "other" codes) are not listed.
 */
public record Country(String code, String iso2, String nameZh, String nameEn) {

  private static final Map<String, Country> BY_CODE = new LinkedHashMap<>();

  private static void add(String code, String iso2, String nameZh, String nameEn) {
    BY_CODE.put(code, new Country(code, iso2, nameZh, nameEn));
  }

  static {
    // Asia (1xx)
    add("142", "CN", "中国", "China");
    add("110", "HK", "中国香港", "Hong Kong, China");
    add("121", "MO", "中国澳门", "Macao, China");
    add("143", "TW", "台澎金马关税区", "Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu");
    add("116", "JP", "日本", "Japan");
    add("133", "KR", "韩国", "Republic of Korea");
    add("132", "SG", "新加坡", "Singapore");
    add("136", "TH", "泰国", "Thailand");
    add("112", "ID", "印度尼西亚", "Indonesia");
    add("141", "VN", "越南", "Viet Nam");
    add("122", "MY", "马来西亚", "Malaysia");
    add("129", "PH", "菲律宾", "Philippines");
    add("106", "MM", "缅甸", "Myanmar");
    add("107", "KH", "柬埔寨", "Cambodia");
    add("119", "LA", "老挝", "Lao People's Democratic Republic");
    add("111", "IN", "印度", "India");
    add("127", "PK", "巴基斯坦", "Pakistan");
    add("103", "BD", "孟加拉国", "Bangladesh");
    add("124", "MN", "蒙古", "Mongolia");
    add("145", "KZ", "哈萨克斯坦", "Kazakhstan");
    add("137", "TR", "土耳其", "Türkiye");
    add("138", "AE", "阿联酋", "United Arab Emirates");
    add("131", "SA", "沙特阿拉伯", "Saudi Arabia");
    add("115", "IL", "以色列", "Israel");
    // Africa (2xx)
    add("215", "EG", "埃及", "Egypt");
    add("236", "NG", "尼日利亚", "Nigeria");
    add("244", "ZA", "南非", "South Africa");
    // Europe (3xx)
    add("301", "BE", "比利时", "Belgium");
    add("302", "DK", "丹麦", "Denmark");
    add("303", "GB", "英国", "United Kingdom");
    add("304", "DE", "德国", "Germany");
    add("305", "FR", "法国", "France");
    add("306", "IE", "爱尔兰", "Ireland");
    add("307", "IT", "意大利", "Italy");
    add("309", "NL", "荷兰", "Netherlands");
    add("311", "PT", "葡萄牙", "Portugal");
    add("312", "ES", "西班牙", "Spain");
    add("315", "AT", "奥地利", "Austria");
    add("318", "FI", "芬兰", "Finland");
    add("321", "HU", "匈牙利", "Hungary");
    add("326", "NO", "挪威", "Norway");
    add("327", "PL", "波兰", "Poland");
    add("330", "SE", "瑞典", "Sweden");
    add("331", "CH", "瑞士", "Switzerland");
    add("344", "RU", "俄罗斯联邦", "Russian Federation");
    add("352", "CZ", "捷克", "Czechia");
    // Latin America (4xx)
    add("402", "AR", "阿根廷", "Argentina");
    add("410", "BR", "巴西", "Brazil");
    add("412", "CL", "智利", "Chile");
    add("429", "MX", "墨西哥", "Mexico");
    add("434", "PE", "秘鲁", "Peru");
    // North America (5xx)
    add("501", "CA", "加拿大", "Canada");
    add("502", "US", "美国", "United States");
    // Oceania (6xx)
    add("601", "AU", "澳大利亚", "Australia");
    add("609", "NZ", "新西兰", "New Zealand");
  }

  /** The entry of a customs country code; empty for a code not in the table (not an error). */
  public static Optional<Country> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.trim()));
  }

  public static boolean isKnown(String code) {
    return find(code).isPresent();
  }

  /** The entry of an ISO 3166 alpha-2 code (any case), if the table holds it. */
  public static Optional<Country> findByIso2(String iso2) {
    if (iso2 == null) return Optional.empty();
    String i = iso2.trim().toUpperCase(java.util.Locale.ROOT);
    return BY_CODE.values().stream().filter(c -> c.iso2.equals(i)).findFirst();
  }

  /** Every entry, in table order. */
  public static List<Country> all() {
    return List.copyOf(BY_CODE.values());
  }
}
