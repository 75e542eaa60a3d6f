package io.earshot.programme;

import io.earshot.access.BusinessUnit;
import io.earshot.access.Role;
import io.earshot.access.Units;
import io.earshot.access.User;
import io.earshot.access.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every leader's customer exposure against the target, with their cohorts and units: what the programme managers'
 * page and the exposure API show. A leader is anyone with the Leader role or in a cohort.
 */
@Service
class ExposureBoard {

    private final Encounters encounters;
    private final Users users;
    private final Units units;
    private final Programmes programmes;
    private final ExposureTarget target;
    private final Clock clock;

    ExposureBoard(
            Encounters encounters,
            Users users,
            Units units,
            Programmes programmes,
            ExposureTarget target,
            Clock clock) {
        this.encounters = encounters;
        this.users = users;
        this.units = units;
        this.programmes = programmes;
        this.target = target;
        this.clock = clock;
    }

    /** One leader's line. */
    record Line(User user, List<String> units, List<String> cohorts, Exposure exposure) {}

    /** What to show: by cohort name and unit id ({@code null} for any), only the overdue ones or all. */
    record Filter(String cohort, String unit, boolean overdueOnly) {}

    ExposureTarget target() {
        return target;
    }

    /** User {@code userId}'s exposure now. */
    Exposure of(UUID userId) {
        return Exposure.of(encounters.of(userId), clock.instant(), target);
    }

    /** The leaders' lines matching {@code filter}: overdue first, then by fewest hours, then by name. */
    List<Line> lines(Filter filter) {
        Instant now = clock.instant();
        Map<UUID, List<Encounter>> all = encounters.everyone();
        Map<UUID, Set<String>> cohorts = cohortsByLeader();
        Map<String, String> unitNames =
                units.all().stream().collect(Collectors.toMap(BusinessUnit::id, BusinessUnit::name));
        List<Line> lines = new ArrayList<>();
        for (User user : users.all()) {
            if (!user.active() || (!user.roles().contains(Role.LEADER) && !cohorts.containsKey(user.id()))) {
                continue;
            }
            List<String> theirCohorts = List.copyOf(cohorts.getOrDefault(user.id(), Set.of()));
            if (filter.cohort() != null && !theirCohorts.contains(filter.cohort())) {
                continue;
            }
            if (filter.unit() != null && !user.units().contains(filter.unit())) {
                continue;
            }
            Exposure exposure = Exposure.of(all.getOrDefault(user.id(), List.of()), now, target);
            if (filter.overdueOnly() && !exposure.overdue()) {
                continue;
            }
            List<String> theirUnits = user.units().stream()
                    .map(id -> unitNames.getOrDefault(id, id))
                    .sorted()
                    .toList();
            lines.add(new Line(user, theirUnits, theirCohorts, exposure));
        }
        lines.sort(Comparator.comparing((Line line) -> !line.exposure().overdue())
                .thenComparing(line -> line.exposure().total())
                .thenComparing(line -> line.user().name(), String.CASE_INSENSITIVE_ORDER));
        return lines;
    }

    /** The cohort names in use, for the filter. */
    List<String> cohortNames() {
        return cohortsByLeader().values().stream()
                .flatMap(Set::stream)
                .distinct()
                .sorted()
                .toList();
    }

    /** The units, id to name, for the filter. */
    Map<String, String> unitNames() {
        return units.all().stream()
                .collect(Collectors.toMap(BusinessUnit::id, BusinessUnit::name, (a, b) -> a, LinkedHashMap::new));
    }

    private Map<UUID, Set<String>> cohortsByLeader() {
        return programmes.cohortNamesByMember();
    }
}
