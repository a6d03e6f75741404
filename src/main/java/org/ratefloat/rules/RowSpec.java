package org.ratefloat.rules;

import org.ratefloat.document.Text;
import java.util.Optional;

/** A row of a step: when it fires, what it does, and how well its content is supported. */
public record RowSpec(
    String id, String pointer, Guard when, Outcome then, Evidence evidence, Optional<Text> note) {}
