package io.sanliu.simulator.traffic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How a document travels: the JSON form, or a CEB XML message in UTF-8 or GBK. */
public enum DocFormat {
  JSON(StandardCharsets.UTF_8),
  XML_UTF8(StandardCharsets.UTF_8),
  XML_GBK(Charset.forName("GBK"));

  private final Charset charset;

  DocFormat(Charset charset) {
    this.charset = charset;
  }

  public Charset charset() {
    return charset;
  }

  public boolean xml() {
    return this != JSON;
  }
}
