package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

/**
 * Identity of a rule-table file as used in a decision: id, version, status and the SHA-256 of its
 * exact bytes.
 *
 * @param role {@code measure} for the table that decided, {@code base} or {@code classification}
 *     for the tables it refers to, {@code reference} for the reference-data files it names
 * @since 0.1.0
 */
public record TableRef(String role, String id, String version, String status, String sha256) {
  /** Checks that no component is null. */
  public TableRef {
    requireNonNull(role, "role");
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(status, "status");
    requireNonNull(sha256, "sha256");
  }
}
