/** Honest metrics over signals: NPS with confidence intervals, CSAT, CES and POC, sliced, trended and compared. */
package io.earshot.metric;
