package org.ratefloat;

/** The library's version, written here by the build from the pom (the one place it is kept). */
final class Version {
  static final String VALUE = "${project.version}";

  private Version() {}
}
