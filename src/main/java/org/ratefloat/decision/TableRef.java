package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Identity of a rule-table file as used in a decision: role, id, version, status and the SHA-256 of
 * its exact bytes. Immutable; built with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class TableRef {
  private final String role;
  private final String id;
  private final String version;
  private final TableStatus status;
  private final String sha256;

  private TableRef(Builder b) {
    this.role = required(b.role, "role");
    this.id = required(b.id, "id");
    this.version = required(b.version, "version");
    this.status = required(b.status, "status");
    this.sha256 = required(b.sha256, "sha256");
  }

  static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  /** A builder; every part is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code measure} for the table that decided, {@code base} or {@code classification} for the
   * tables it refers to, {@code reference} for the reference-data files it names.
   */
  public String role() {
    return role;
  }

  /** The file's id. */
  public String id() {
    return id;
  }

  /** The file's version. */
  public String version() {
    return version;
  }

  /** The file's status. */
  public TableStatus status() {
    return status;
  }

  /** SHA-256 (lower-case hex) of the file's exact bytes. */
  public String sha256() {
    return sha256;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableRef t && role.equals(t.role) && id.equals(t.id) && version.equals(t.version)
        && status == t.status && sha256.equals(t.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, id, version, status, sha256);
  }

  @Override
  public String toString() {
    return "TableRef[role=" + role + ", id=" + id + ", version=" + version + ", status=" + status.jsonName()
        + ", sha256=" + sha256 + "]";
  }

  /**
   * Builds a {@link TableRef}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String role;
    private @Nullable String id;
    private @Nullable String version;
    private @Nullable TableStatus status;
    private @Nullable String sha256;

    private Builder() {}

    /** The file's role in the decision. */
    public Builder role(String role) {
      this.role = requireNonNull(role, "role");
      return this;
    }

    /** The file's id. */
    public Builder id(String id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** The file's version. */
    public Builder version(String version) {
      this.version = requireNonNull(version, "version");
      return this;
    }

    /** The file's status. */
    public Builder status(TableStatus status) {
      this.status = requireNonNull(status, "status");
      return this;
    }

    /** SHA-256 of the file's bytes. */
    public Builder sha256(String sha256) {
      this.sha256 = requireNonNull(sha256, "sha256");
      return this;
    }

    /**
     * The reference.
     *
     * @throws IllegalStateException if a part is missing
     */
    public TableRef build() {
      return new TableRef(this);
    }
  }
}
