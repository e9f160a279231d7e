package io.sanliu.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the shared real stack: {@code @ExtendWith(SanliuStackExtension.class)} and a {@link
 * SanliuStack} parameter on a test, constructor or {@code @BeforeAll} method.
 */
public final class SanliuStackExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SanliuStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SanliuStack.shared();
  }
}
