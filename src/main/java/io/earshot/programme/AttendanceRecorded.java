package io.earshot.programme;

import java.util.UUID;

/** Attendance of a session was recorded: whose consent governs its clips may have changed. */
public record AttendanceRecorded(UUID sessionId) {}
