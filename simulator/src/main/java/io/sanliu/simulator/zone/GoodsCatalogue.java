package io.sanliu.simulator.zone;

import io.sanliu.simulator.zone.Product.Trade;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the zone trades: imported consumer goods (dairy, cosmetics, supplements, wine, bags,
 * watches...) and exported manufactures (apparel, shoes, electronics, furniture, toys...), over
 * some thirty HS chapters, with plausible prices, weights and origins.
 */
public final class GoodsCatalogue {
  private GoodsCatalogue() {}

  private static Product imp(
      String gcode,
      String name,
      String spec,
      String unit,
      double min,
      double max,
      double kg,
      String... origins) {
    return new Product(
        gcode, name, spec, unit, min, max, kg, List.of(origins), Trade.IMPORT, false);
  }

  private static Product luxury(
      String gcode,
      String name,
      String spec,
      String unit,
      double min,
      double max,
      double kg,
      String... origins) {
    return new Product(gcode, name, spec, unit, min, max, kg, List.of(origins), Trade.IMPORT, true);
  }

  private static Product exp(
      String gcode, String name, String spec, String unit, double min, double max, double kg) {
    return new Product(gcode, name, spec, unit, min, max, kg, List.of("142"), Trade.EXPORT, false);
  }

  public static final List<Product> ALL =
      List.of(
          // Imports: food and drink
          imp(
              "1901101000",
              "婴幼儿配方奶粉",
              "1段 800克/罐",
              "122",
              180,
              420,
              1.0,
              "609",
              "601",
              "309",
              "304",
              "306"),
          imp("0402210000", "全脂奶粉", "1千克/袋", "136", 90, 200, 1.05, "609", "601"),
          imp("0409000000", "麦卢卡蜂蜜", "UMF10+ 250克/瓶", "142", 150, 600, 0.35, "609"),
          imp("0901210000", "烘焙咖啡豆", "1千克/袋", "136", 120, 380, 1.0, "307", "410", "502"),
          imp("1509200000", "特级初榨橄榄油", "1升/瓶", "142", 80, 260, 0.95, "312", "307"),
          imp("1704900000", "糖果礼盒", "400克/盒", "140", 40, 150, 0.4, "116", "304"),
          imp("1806320000", "黑巧克力", "300克/盒", "140", 60, 220, 0.3, "331", "301"),
          imp("2106909090", "复合维生素片", "120粒/瓶", "142", 120, 450, 0.25, "502", "601"),
          imp("2106909090", "深海鱼油软胶囊", "200粒/瓶", "142", 150, 380, 0.3, "601", "326"),
          imp("2204210000", "红葡萄酒", "750毫升/瓶", "142", 150, 1500, 1.4, "305", "312", "601", "412"),
          imp("2203000000", "精酿啤酒", "500毫升×24罐/箱", "120", 120, 300, 12.5, "304", "309"),
          // Imports: cosmetics and personal care
          imp("3303000000", "香水", "100毫升/瓶", "142", 500, 1600, 0.4, "305", "307"),
          imp("3304990099", "精华液", "50毫升/瓶", "142", 300, 1500, 0.2, "116", "133", "305", "502"),
          imp("3304990099", "保湿面霜", "50克/罐", "122", 250, 1800, 0.2, "116", "133", "305"),
          imp("3304100000", "口红", "3.5克/支", "012", 200, 400, 0.05, "305", "116"),
          imp("3305100000", "洗发水", "500毫升/瓶", "142", 60, 180, 0.6, "116", "133"),
          imp("3401300000", "氨基酸洁面乳", "120克/支", "012", 80, 260, 0.15, "116", "133"),
          imp("9619001100", "婴儿纸尿裤", "L码 54片/包", "125", 90, 200, 1.2, "116", "133", "304"),
          // Imports: apparel, bags, shoes, accessories
          imp("4202210000", "皮革手提包", "中号", "007", 1500, 2900, 0.9, "307", "305"),
          imp("4202220000", "帆布托特包", "大号", "007", 200, 900, 0.5, "116", "502"),
          imp("6109100000", "纯棉T恤", "M码", "011", 120, 450, 0.25, "116", "133", "502"),
          imp("6403990000", "真皮皮鞋", "40码", "025", 600, 2500, 1.2, "307", "312"),
          imp("6404110000", "跑步鞋", "42码", "025", 500, 1500, 1.0, "141", "112", "502"),
          imp("7113190000", "18K金项链", "45厘米", "015", 2000, 2900, 0.05, "307", "305", "331"),
          imp("9004100000", "太阳镜", "偏光", "019", 600, 2500, 0.1, "307", "305", "116"),
          imp("9102110000", "机械手表", "40毫米表盘", "008", 1500, 2900, 0.2, "331", "116"),
          // Imports: household electrics and toys
          imp("8509400000", "多功能料理机", "1.5升", "001", 400, 1800, 3.5, "304", "116"),
          imp("8516320000", "负离子吹风机", "1600瓦", "001", 500, 2900, 0.8, "116", "304"),
          imp("8518300000", "降噪无线耳机", "蓝牙5.3", "007", 300, 2500, 0.3, "116", "502", "133"),
          imp("9503006000", "拼装积木玩具", "1000颗粒/盒", "140", 200, 1500, 1.2, "302", "116"),
          // Imports beyond one order's limit: luxury items
          luxury("4202210000", "奢侈品牌皮革手提包", "限量款", "007", 6000, 25000, 1.1, "307", "305"),
          luxury("9102110000", "瑞士机械腕表", "自动上链", "008", 6000, 40000, 0.25, "331"),
          luxury("7113190000", "钻石吊坠", "0.5克拉", "007", 5500, 30000, 0.02, "305", "307"),
          // Exports
          exp("6109100000", "纯棉T恤", "S-XXL", "011", 15, 60, 0.22),
          exp("6110200000", "针织毛衫", "均码", "011", 60, 200, 0.45),
          exp("6204620000", "女式长裤", "S-XL", "011", 60, 180, 0.4),
          exp("6302310000", "纯棉床单", "1.8米", "015", 40, 200, 0.8),
          exp("6404190000", "帆布鞋", "36-44码", "025", 40, 150, 0.7),
          exp("6505009900", "棒球帽", "可调节", "007", 10, 60, 0.1),
          exp("3926909090", "手机保护壳", "硅胶", "007", 5, 40, 0.05),
          exp("3924100000", "塑料保鲜盒", "三件套", "006", 15, 60, 0.5),
          exp("4202129000", "拉杆旅行箱", "24寸", "007", 100, 600, 4.0),
          exp("6911101900", "陶瓷餐具", "16件套", "006", 60, 300, 4.0),
          exp("7013370000", "玻璃水杯", "400毫升", "007", 5, 40, 0.3),
          exp("7323930000", "不锈钢锅具", "三件套", "006", 80, 400, 3.0),
          exp("8211910000", "厨房刀具", "不锈钢", "016", 20, 150, 0.3),
          exp("8414510000", "台式电风扇", "40厘米", "001", 60, 300, 3.0),
          exp("8471300000", "笔记本电脑", "14英寸", "001", 1800, 6000, 1.6),
          exp("8504403000", "手机充电器", "20瓦", "007", 15, 80, 0.1),
          exp("8509400000", "便携榨汁机", "USB充电", "001", 80, 300, 0.9),
          exp("8517130000", "智能手机", "128GB", "001", 600, 4000, 0.3),
          exp("8518220000", "蓝牙音箱", "防水", "001", 60, 300, 0.6),
          exp("8544422100", "USB数据线", "1米", "015", 5, 30, 0.05),
          exp("8711600010", "电动滑板车", "350瓦", "003", 1000, 3000, 14.0),
          exp("8712002000", "山地自行车", "26寸", "003", 300, 1500, 15.0),
          exp("9403609990", "实木餐桌", "1.4米", "011", 400, 2000, 25.0),
          exp("9405119000", "LED吸顶灯", "24瓦", "001", 80, 400, 2.0),
          exp("9503008900", "毛绒玩具", "30厘米", "007", 10, 80, 0.3),
          exp("9506919000", "瑜伽垫", "6毫米", "007", 30, 120, 1.2),
          exp("9608100000", "圆珠笔", "0.5毫米", "012", 1, 10, 0.02),
          exp("0902109000", "绿茶", "250克/盒", "140", 30, 300, 0.3));

  public static List<Product> of(Trade direction) {
    return ALL.stream().filter(p -> p.direction() == direction).toList();
  }

  /** Products per HS chapter, for enterprises that trade in a few chapters. */
  public static Map<String, List<Product>> byChapter(Trade direction) {
    return of(direction).stream()
        .collect(
            Collectors.groupingBy(Product::chapter, java.util.TreeMap::new, Collectors.toList()));
  }
}
