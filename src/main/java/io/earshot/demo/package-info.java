/** The deterministic demo company: real customer utterances with generated scores, customers and a planted dip. */
package io.earshot.demo;
