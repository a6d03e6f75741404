/**
 * Fund-balance simulation: what a rule table (or two, current and proposed) does to a portfolio's
 * premium income, band mix and payout ratio, and how injury incidence tracks a reduction target.
 * Start with {@link org.ratefloat.simulation.Simulation}.
 */
package org.ratefloat.simulation;
