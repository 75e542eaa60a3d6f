package io.earshot.programme;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Session calendars as iCalendar files: per cohort ({@code /programmes/{id}/cohorts/{cohortId}/calendar.ics}) and per
 * person ({@code /programmes/people/{userId}/calendar.ics}, for that person and those who run programmes).
 */
@Controller
class CalendarExports {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Programmes programmes;
    private final CustomerSessions sessions;
    private final ProgrammeAccess access;
    private final People people;
    private final java.time.Clock clock;

    CalendarExports(
            Programmes programmes,
            CustomerSessions sessions,
            ProgrammeAccess access,
            People people,
            java.time.Clock clock) {
        this.programmes = programmes;
        this.sessions = sessions;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/programmes/{id}/cohorts/{cohortId}/calendar.ics")
    ResponseEntity<String> cohort(@PathVariable UUID id, @PathVariable UUID cohortId) {
        Programme programme = access.visible(id);
        Cohort cohort = programmes
                .cohort(cohortId)
                .filter(found -> found.programmeId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such cohort"));
        return calendar(
                programme.name() + " · " + cohort.name(),
                sessions.ofCohort(cohortId),
                cohort.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT));
    }

    @GetMapping("/programmes/people/{userId}/calendar.ics")
    ResponseEntity<String> person(@PathVariable UUID userId) {
        String name = people.names().get(userId);
        if (name == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no user " + userId);
        }
        if (!access.runs() && !access.viewer().id().equals(userId)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only your own calendar, unless you run programmes");
        }
        return calendar("Customer sessions · " + name, sessions.ofPerson(userId), "customer-sessions");
    }

    private ResponseEntity<String> calendar(String name, List<CustomerSession> list, String file) {
        Map<UUID, Programme> byId =
                programmes.all().stream().collect(Collectors.toMap(Programme::id, Function.identity()));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Calendars.Entry> entries = list.stream()
                .map(session -> new Calendars.Entry(
                        session,
                        byId.get(session.programmeId()).name(),
                        programmes.cohort(session.cohortId()).map(Cohort::name).orElse(""),
                        base + "/programmes/" + session.programmeId() + "/sessions/" + session.id()))
                .toList();
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file + ".ics")
                                .build()
                                .toString())
                .body(Calendars.ics(name, entries, clock.getZone()));
    }
}
