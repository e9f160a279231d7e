package io.sanliu.simulator.zone;

import java.util.List;

/**
 * A county-level division (its 6-digit administrative code, the first six digits of a resident ID
 * number and the CEB {@code consigneeDistrict}) where buyers live, with the names an address starts
 * with. The pilot zones of the seeds are among them (Shenzhen, Guangzhou, Jiaozuo, Yibin, Dazhou,
 * Yanji).
 *
 * @param weight how many of the zone's buyers live there, relatively
 */
public record Area(String code, String province, String city, String district, double weight) {

  public static final List<Area> ALL =
      List.of(
          new Area("440305", "广东省", "深圳市", "南山区", 9),
          new Area("440304", "广东省", "深圳市", "福田区", 7),
          new Area("440306", "广东省", "深圳市", "宝安区", 8),
          new Area("440307", "广东省", "深圳市", "龙岗区", 7),
          new Area("440106", "广东省", "广州市", "天河区", 6),
          new Area("440104", "广东省", "广州市", "越秀区", 4),
          new Area("440113", "广东省", "广州市", "番禺区", 4),
          new Area("441900", "广东省", "东莞市", "南城街道", 4),
          new Area("440604", "广东省", "佛山市", "禅城区", 3),
          new Area("310115", "上海市", "上海市", "浦东新区", 6),
          new Area("310104", "上海市", "上海市", "徐汇区", 3),
          new Area("110105", "北京市", "北京市", "朝阳区", 5),
          new Area("110108", "北京市", "北京市", "海淀区", 4),
          new Area("330106", "浙江省", "杭州市", "西湖区", 3),
          new Area("320505", "江苏省", "苏州市", "虎丘区", 2),
          new Area("320106", "江苏省", "南京市", "鼓楼区", 2),
          new Area("510107", "四川省", "成都市", "武侯区", 3),
          new Area("511502", "四川省", "宜宾市", "翠屏区", 2),
          new Area("511702", "四川省", "达州市", "通川区", 2),
          new Area("410802", "河南省", "焦作市", "解放区", 2),
          new Area("222401", "吉林省", "延边朝鲜族自治州", "延吉市", 2),
          new Area("420106", "湖北省", "武汉市", "武昌区", 2),
          new Area("430104", "湖南省", "长沙市", "岳麓区", 2),
          new Area("500112", "重庆市", "重庆市", "渝北区", 2),
          new Area("610113", "陕西省", "西安市", "雁塔区", 2),
          new Area("370202", "山东省", "青岛市", "市南区", 1),
          new Area("350203", "福建省", "厦门市", "思明区", 1),
          new Area("210202", "辽宁省", "大连市", "中山区", 1),
          new Area("120101", "天津市", "天津市", "和平区", 1),
          new Area("450103", "广西壮族自治区", "南宁市", "青秀区", 1),
          new Area("530102", "云南省", "昆明市", "五华区", 1),
          new Area("460106", "海南省", "海口市", "龙华区", 1));

  /** Province, city and district as an address starts. */
  public String prefix() {
    return province.equals(city) ? city + district : province + city + district;
  }
}
