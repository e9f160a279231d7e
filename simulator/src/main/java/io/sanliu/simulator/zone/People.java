package io.sanliu.simulator.zone;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes people: Chinese residents with unique, valid-looking ID numbers, telephones and addresses
 * (no two people share any of them unless an anomaly makes them), and foreign payers of exports.
 */
public final class People {
  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文";
  private static final String GIVEN =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉萍红玲梅鹏飞宇浩然涵欣怡萱诺桐俊晨阳思远嘉佳琪婷雪琳颖慧倩丹宁博文轩睿泽昊天一子雨晓梓喆镕珺";
  private static final String[] STREETS = {
    "科技园路", "深南大道", "人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "滨海大道", "学府路", "文化路", "长江路", "黄河路",
    "幸福路", "光明街", "朝阳路", "东风路", "青年路", "花园路", "迎宾大道"
  };
  private static final String[] ESTATES = {
    "阳光花园", "碧海湾", "翠苑小区", "锦绣家园", "书香门第", "海景苑", "金色家园", "万科城", "华润城", "御景华府", "滨江花园", "紫荆苑",
    "桃源居", "星河丽景", "绿景新苑"
  };
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
    "158", "159", "166", "176", "177", "180", "181", "186", "187", "188", "189", "191", "198", "199"
  };
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

  private static final List<String[]> FOREIGN_NAMES =
      List.of(
          new String[] {"James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emma"},
          new String[] {
            "Smith", "Johnson", "Brown", "Miller", "Wilson", "Taylor", "Martin", "Lee"
          });

  private final Rand rand;
  private final double[] areaWeights;
  private final Set<String> ids = new HashSet<>();
  private final Set<String> phones = new HashSet<>();
  private final Set<String> addresses = new HashSet<>();
  private long regNos;

  public People(Rand rand) {
    this.rand = rand;
    this.areaWeights = Area.ALL.stream().mapToDouble(Area::weight).toArray();
  }

  /** A new resident of China, sharing nothing with anyone made before. */
  public Person resident() {
    Area area = Area.ALL.get(rand.weighted(areaWeights));
    String id = uniqueId(area);
    String name = chineseName();
    return new Person(
        "1",
        id,
        name,
        uniquePhone(),
        uniqueAddress(area),
        area.code(),
        String.format("U%010d", ++regNos * 7919 % 10_000_000_000L));
  }

  /** A foreign payer of an export order (passport, Latin name, foreign telephone). */
  public Person foreigner(String iso2) {
    String first = rand.pick(FOREIGN_NAMES.get(0));
    String last = rand.pick(FOREIGN_NAMES.get(1));
    return new Person(
        "2",
        iso2 + rand.digits(8),
        first + " " + last,
        "+" + rand.between(1, 99) + " " + rand.digits(9),
        null,
        null,
        null);
  }

  /** A foreign business buying wholesale (B2B, overseas warehouse). */
  public Person foreignCompany(String iso2, String name) {
    return new Person("2", iso2 + "REG" + rand.digits(9), name, null, null, null, null);
  }

  private String chineseName() {
    StringBuilder sb = new StringBuilder();
    sb.append(SURNAMES.charAt(rand.below(SURNAMES.length())));
    int given = rand.chance(0.7) ? 2 : 1;
    for (int i = 0; i < given; i++) sb.append(GIVEN.charAt(rand.below(GIVEN.length())));
    return sb.toString();
  }

  private String uniqueId(Area area) {
    while (true) {
      LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(rand.below(40 * 365));
      String first17 = area.code() + birth.format(BIRTH) + rand.digits(3);
      String id = first17 + checkCharacter(first17);
      if (ids.add(id)) return id;
    }
  }

  /** The ISO 7064 MOD 11-2 check character of a resident ID number (GB 11643). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    return ID_CHECK.charAt(sum % 11);
  }

  /** Whether an 18-character resident ID number's check character is right. */
  public static boolean validResidentId(String id) {
    return id != null
        && id.length() == 18
        && id.substring(0, 17).chars().allMatch(Character::isDigit)
        && id.charAt(17) == checkCharacter(id.substring(0, 17));
  }

  private String uniquePhone() {
    while (true) {
      String phone = rand.pick(MOBILE_PREFIXES) + rand.digits(8);
      if (phones.add(phone)) return phone;
    }
  }

  private String uniqueAddress(Area area) {
    while (true) {
      String address =
          area.prefix()
              + rand.pick(STREETS)
              + rand.between(1, 999)
              + "号"
              + rand.pick(ESTATES)
              + rand.between(1, 40)
              + "栋"
              + rand.between(1, 33)
              + String.format("%02d", rand.between(1, 12))
              + "室";
      if (addresses.add(address)) return address;
    }
  }
}
