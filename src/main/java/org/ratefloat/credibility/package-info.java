/**
 * Bühlmann–Straub credibility of a portfolio by risk class, for rule tables to blend an employer's
 * experience with its class's: start with {@link org.ratefloat.credibility.Portfolio}. Internal.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.credibility;

import org.jspecify.annotations.NullUnmarked;
