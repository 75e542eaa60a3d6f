/**
 * Closeness programmes: cohorts of decision-makers meeting real customers in recorded sessions, the clips and reels cut
 * from them, empathy workshops, closeness events, and each leader's exposure to customers.
 */
package io.earshot.programme;
