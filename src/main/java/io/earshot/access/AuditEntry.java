package io.earshot.access;

import java.time.Instant;

/** One line of the audit log: who did what to what, when and from where. */
public record AuditEntry(
        long seq, Instant at, String actor, String action, String target, String detail, String origin, String hash) {}
