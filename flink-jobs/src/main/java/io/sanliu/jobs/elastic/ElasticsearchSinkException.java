package io.sanliu.jobs.elastic;

/** Elasticsearch refused a document for a reason a retry cannot fix. */
public final class ElasticsearchSinkException extends RuntimeException {
  public ElasticsearchSinkException(String message, Throwable cause) {
    super(message, cause);
  }

  public ElasticsearchSinkException(String message) {
    super(message);
  }
}
