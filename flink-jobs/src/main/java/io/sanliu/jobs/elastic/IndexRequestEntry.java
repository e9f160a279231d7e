package io.sanliu.jobs.elastic;

import java.io.Serializable;

/**
 * One document to index, already serialised. Buffered entries are part of the sink's checkpointed
 * state, so this stays a small serialisable value.
 *
 * @param id deterministic id: a replay after a failure overwrites the same document
 */
public record IndexRequestEntry(String index, String id, byte[] source) implements Serializable {
  long sizeInBytes() {
    return source.length + index.length() + id.length();
  }
}
