package io.sanliu.ingest.json;

import io.sanliu.model.events.EventType;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One reader per document type the gateway accepts, all sharing one {@link PersonalDataHasher}, so
 * that the gateway can route a record by its type. Risk alerts are raised by the platform's rules,
 * never pushed, and have no reader.
 */
public final class ReaderCatalog {
  private final Map<EventType, DocumentReader<?>> readers = new EnumMap<>(EventType.class);

  public ReaderCatalog(PersonalDataHasher hasher) {
    add(new OrderReader(hasher));
    add(new PaymentReader(hasher));
    add(new WaybillReader(hasher));
    add(new LogisticsEventReader());
    add(new CustomsListReader(hasher));
    add(new CustomsReceiptReader());
    add(new EnterpriseFilingReader());
    add(new GoodsFilingReader());
    add(new EvaluationReader(hasher));
    add(new FxReceiptReader());
  }

  private void add(DocumentReader<?> reader) {
    readers.put(reader.type(), reader);
  }

  /** Whether participants may push documents of this type. */
  public boolean accepts(EventType type) {
    return readers.containsKey(type);
  }

  /** The types participants may push. */
  public Set<EventType> types() {
    return Collections.unmodifiableSet(readers.keySet());
  }

  /**
   * The reader of a type.
   *
   * @throws IllegalArgumentException for a type the gateway does not accept (check {@link #accepts}
   *     first), naming the accepted ones
   */
  public DocumentReader<?> forType(EventType type) {
    DocumentReader<?> reader = readers.get(type);
    if (reader == null) {
      throw new IllegalArgumentException(
          "no reader for " + type + ": the gateway accepts " + readers.keySet());
    }
    return reader;
  }
}
