package org.ratefloat.document;

/** A source a table rests on, and what was taken from it. */
public record SourceRef(String url, String took) {}
