/** The signal model and its ingestion: CSV, JSON Lines and REST imports, validation, quarantine and the signal store. */
package io.earshot.signal;
