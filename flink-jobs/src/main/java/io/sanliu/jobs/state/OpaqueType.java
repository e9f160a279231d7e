package io.sanliu.jobs.state;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A type Flink sees as one opaque field, written by the serializer its subclass names: no tuple or
 * POJO fields for Flink to address.
 */
abstract class OpaqueType<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final boolean isBasicType() {
    return false;
  }

  @Override
  public final boolean isTupleType() {
    return false;
  }

  @Override
  public final int getArity() {
    return 1;
  }

  @Override
  public final int getTotalFields() {
    return 1;
  }
}
