/**
 * The decision record: new band and rate, and every fact an auditor needs to reproduce them
 * (library version, rule-table identities and hashes, input hash, indicators with operands, every
 * step and row that fired, warnings).
 *
 * <p>Start with {@link org.ratefloat.decision.Decision}. Every type here is an immutable value; the
 * record depends on nothing but its inputs, never on the clock, the machine or map order.
 */
package org.ratefloat.decision;
