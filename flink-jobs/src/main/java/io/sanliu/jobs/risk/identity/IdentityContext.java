package io.sanliu.jobs.risk.identity;

import java.util.Comparator;
import java.util.List;

/**
 * What the identity rule sees when a link comes: the link and every identity the subject is linked
 * to (the link's own included), first seen first.
 */
public record IdentityContext(IdentityLink link, List<LinkedIdentity> linked) {
  public IdentityContext {
    linked =
        linked.stream()
            .sorted(
                Comparator.comparing(LinkedIdentity::firstSeen)
                    .thenComparing(LinkedIdentity::linkedHash))
            .toList();
  }

  public String subjectKey() {
    return link.subjectKey();
  }
}
