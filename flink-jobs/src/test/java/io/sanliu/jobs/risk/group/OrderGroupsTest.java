package io.sanliu.jobs.risk.group;

import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.TradeMode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderGroupsTest {
  @Test
  void aRetailImportBelongsToItsBuyerAndItsAddress() {
    List<GroupedOrder> groups =
        OrderGroups.of(order("SO1").amounts("1200.00", "30.50", "1342.50").envelope());
    String buyer = TestOrders.id("110105199003078765").hash();
    String address = TestOrders.address("广东省深圳市南山区科技园路1号").hash();
    assertEquals(List.of("BUYER:" + buyer, "ADDRESS:" + address), keys(groups));
    GroupedOrder g = groups.get(0);
    assertEquals(TestOrders.key("SO1"), g.orderKey());
    assertEquals(new BigDecimal("1230.50"), g.taxableValue(), "goods + freight");
    assertEquals(new BigDecimal("1342.50"), g.acturalPaid());
    assertEquals(buyer, g.subjectHash());
    assertEquals(address, groups.get(1).subjectHash());
  }

  @Test
  void bondedImportsCountToo() {
    assertEquals(2, OrderGroups.of(order("SO1").mode(TradeMode.BONDED_1210).envelope()).size());
  }

  @Test
  void exportsB2bAndDeletionsBelongToNoGroup() {
    assertEquals(List.of(), OrderGroups.of(order("SO1").export().envelope()));
    assertEquals(
        List.of(), OrderGroups.of(order("SO1").mode(TradeMode.B2B_EXPORT_9710).envelope()));
    assertEquals(List.of(), OrderGroups.of(order("SO1").appType(AppType.DELETE).envelope()));
  }

  @Test
  void aMissingHashSkipsItsGroup() {
    List<GroupedOrder> groups = OrderGroups.of(order("SO1").address(null).envelope());
    assertEquals(List.of(GroupKind.BUYER), groups.stream().map(GroupedOrder::kind).toList());
    assertEquals(
        List.of(GroupKind.ADDRESS), kinds(OrderGroups.of(order("SO1").buyer(null).envelope())));
  }

  static List<String> keys(List<GroupedOrder> groups) {
    return groups.stream().map(GroupedOrder::groupKey).toList();
  }

  static List<GroupKind> kinds(List<GroupedOrder> groups) {
    return groups.stream().map(GroupedOrder::kind).toList();
  }
}
