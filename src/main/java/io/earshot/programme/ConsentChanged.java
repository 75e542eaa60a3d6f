package io.earshot.programme;

import java.util.UUID;

/** A panel member gave or revoked a consent; what depends on it (shared clips, their signals) follows at once. */
public record ConsentChanged(UUID panelMemberId, ConsentKind kind, boolean granted) {}
