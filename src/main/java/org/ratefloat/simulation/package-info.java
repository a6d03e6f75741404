/**
 * Fund-balance simulation: what a rule table (or two, current and proposed) does to a portfolio's
 * premium income, band mix and payout ratio, and how injury incidence tracks a reduction target.
 * Start with {@link org.ratefloat.simulation.Simulation}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.simulation;

import org.jspecify.annotations.NullUnmarked;
