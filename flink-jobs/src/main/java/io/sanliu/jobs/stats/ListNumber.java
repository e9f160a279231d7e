package io.sanliu.jobs.stats;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * A customs list's word that releases naming {@code numberKey} (its enterprise list number copNo,
 * or its customs list number invtNo) are about the list filed under {@code orderKey}.
 *
 * @param numberKey {@link DocumentKeys#customsList} of one of the list's numbers
 * @param orderKey the list's {@link CustomsList#businessKey()}
 */
public record ListNumber(String numberKey, String orderKey) {

  /** The list's numbers other than its order key; none for a deleted list. */
  public static List<ListNumber> of(Envelope<CustomsList> e) {
    CustomsList l = e.payload();
    List<ListNumber> numbers = new ArrayList<>(2);
    if (l.appType() == AppType.DELETE) return numbers;
    String orderKey = l.businessKey();
    add(numbers, l.ebpCode(), l.copNo(), orderKey);
    add(numbers, l.ebpCode(), l.invtNo(), orderKey);
    return numbers;
  }

  private static void add(List<ListNumber> numbers, String ebpCode, String no, String orderKey) {
    if (no == null) return;
    String key = DocumentKeys.customsList(ebpCode, no);
    if (key.equals(orderKey)) return;
    for (ListNumber n : numbers) if (n.numberKey.equals(key)) return;
    numbers.add(new ListNumber(key, orderKey));
  }
}
