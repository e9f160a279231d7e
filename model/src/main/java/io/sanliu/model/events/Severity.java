package io.sanliu.model.events;

/** Severity of a risk alert, with the weight the composite risk sub-index gives it. */
public enum Severity {
  LOW(1),
  MEDIUM(3),
  HIGH(9),
  CRITICAL(27);

  private final int weight;

  Severity(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }

  /** One level up; CRITICAL stays. */
  public Severity raised() {
    return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
  }
}
