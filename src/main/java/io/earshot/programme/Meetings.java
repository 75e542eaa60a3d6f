package io.earshot.programme;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who has met how many customers in a programme: for each leader, the sessions they attended, the distinct customers
 * who came to those sessions, when they last met customers and their next session. Only what actually happened counts
 * (attendance recorded as attended on both sides); cancelled sessions count for nothing.
 */
final class Meetings {

    private Meetings() {}

    /**
     * One leader's tally.
     *
     * @param unrecorded past sessions they were invited to whose attendance nobody has recorded yet
     */
    record Tally(UUID leaderId, int sessions, int customers, Instant lastMet, Instant next, int unrecorded) {}

    /** The tally of each of {@code leaderIds} (in that order) over {@code sessions}, as of {@code now}. */
    static List<Tally> tally(Collection<UUID> leaderIds, List<CustomerSession> sessions, Instant now) {
        Map<UUID, Tally> tallies = new LinkedHashMap<>();
        for (UUID leader : leaderIds) {
            int attended = 0;
            int unrecorded = 0;
            Set<UUID> met = new HashSet<>();
            Instant last = null;
            Instant next = null;
            for (CustomerSession session : sessions) {
                Attendance attendance = session.leaders().get(leader);
                if (attendance == null || session.cancelled()) {
                    continue;
                }
                if (!session.isPast(now)) {
                    if (next == null || session.startsAt().isBefore(next)) {
                        next = session.startsAt();
                    }
                } else if (attendance == Attendance.ATTENDED) {
                    attended++;
                    session.customers().forEach((customer, came) -> {
                        if (came == Attendance.ATTENDED) {
                            met.add(customer);
                        }
                    });
                    if (last == null || session.startsAt().isAfter(last)) {
                        last = session.startsAt();
                    }
                } else if (attendance == Attendance.INVITED) {
                    unrecorded++;
                }
            }
            tallies.put(leader, new Tally(leader, attended, met.size(), last, next, unrecorded));
        }
        return List.copyOf(tallies.values());
    }
}
