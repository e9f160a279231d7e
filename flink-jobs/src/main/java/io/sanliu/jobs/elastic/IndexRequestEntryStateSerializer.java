package io.sanliu.jobs.elastic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Buffered index requests in a checkpoint: index, id, body length and bytes. */
final class IndexRequestEntryStateSerializer
    extends AsyncSinkWriterStateSerializer<IndexRequestEntry> {

  @Override
  protected void serializeRequestToStream(IndexRequestEntry entry, DataOutputStream out)
      throws IOException {
    out.writeUTF(entry.index());
    out.writeUTF(entry.id());
    out.writeInt(entry.source().length);
    out.write(entry.source());
  }

  @Override
  protected IndexRequestEntry deserializeRequestFromStream(long size, DataInputStream in)
      throws IOException {
    String index = in.readUTF();
    String id = in.readUTF();
    byte[] source = new byte[in.readInt()];
    in.readFully(source);
    return new IndexRequestEntry(index, id, source);
  }

  @Override
  public int getVersion() {
    return 1;
  }
}
