/**
 * Internal: how the thresholds of {@code org.ratefloat.thresholds} are found. {@link
 * org.ratefloat.inverse.Inversion} builds the next decision's case, inverts the table's bounds
 * through each indicator's formula ({@code Fn}, exact piecewise-affine functions of one quantity)
 * into the points where the decision can change, decides one point of each stretch between them with
 * the engine and merges equal outcomes into boxes. Not exported.
 */
package org.ratefloat.inverse;
