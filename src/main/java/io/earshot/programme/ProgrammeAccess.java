package io.earshot.programme;

import io.earshot.access.DataScopes;
import io.earshot.access.Role;
import io.earshot.access.Viewer;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see and run which programme, beyond the path rules of {@code AccessRules}: administrators, analysts and
 * programme managers run every programme; leaders, facilitators and sponsors see the programmes they are part of, and
 * facilitators write notes and attendance of the sessions they lead. A programme someone may not see is "not found"
 * to them, so its existence does not leak.
 */
@Component
class ProgrammeAccess {

    static final Set<Role> RUNNERS = EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST, Role.PROGRAMME_MANAGER);

    private final DataScopes scopes;
    private final Programmes programmes;

    ProgrammeAccess(DataScopes scopes, Programmes programmes) {
        this.scopes = scopes;
        this.programmes = programmes;
    }

    /** The viewer behind the request; programme pages are only for signed-in people. */
    Viewer viewer() {
        return scopes.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    /** Whether the viewer runs programmes (creates them, manages panels and schedules sessions). */
    boolean runs() {
        return viewer().roles().stream().anyMatch(RUNNERS::contains);
    }

    /** Programme {@code id} if the viewer may see it; otherwise a 404 that says it does not exist. */
    Programme visible(UUID id) {
        Programme programme = programmes
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no programme " + id));
        if (!runs() && programmes.of(viewer().id()).stream().noneMatch(p -> p.id().equals(id))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no programme " + id);
        }
        return programme;
    }

    /** Programme {@code id} if the viewer runs programmes; 404 if it does not exist, 403 if they only see it. */
    Programme run(UUID id) {
        Programme programme = visible(id);
        if (!runs()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only programme managers, analysts and administrators change programmes");
        }
        return programme;
    }

    /** Whether the viewer may write the notes and attendance of {@code session}. */
    boolean facilitates(CustomerSession session) {
        UUID me = viewer().id();
        return runs()
                || me.equals(session.facilitatorId())
                || programmes.facilitators(session.programmeId()).contains(me);
    }

    /** Whether the viewer sees the panel's contact details (those who run programmes and facilitators). */
    boolean seesPanel(UUID programmeId) {
        return runs() || programmes.facilitators(programmeId).contains(viewer().id());
    }

    String actor() {
        return viewer().name();
    }
}
