package io.earshot.programme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Customer sessions as an iCalendar file (RFC 5545) that people subscribe to or import, per person or per cohort. Each
 * session keeps its id as the event's UID, so re-importing updates events rather than duplicating them; cancelled
 * sessions stay in the file as cancelled.
 */
final class Calendars {

    private Calendars() {}

    /** One session in a calendar: the session and the words that describe it. */
    record Entry(CustomerSession session, String programme, String cohort, String link) {}

    /** The calendar named {@code name} with {@code entries}, as iCalendar text. */
    static String ics(String name, Collection<Entry> entries, ZoneId zone) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Earshot//Closeness programmes//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (Entry entry : entries) {
            CustomerSession session = entry.session();
            VEvent event =
                    new VEvent(session.startsAt().atZone(zone), session.endsAt().atZone(zone), session.title());
            event.add(new Uid(session.id() + "@earshot"));
            event.add(new Description(String.join(
                    "\n",
                    List.of(
                            entry.programme() + " · " + entry.cohort(),
                            session.format().label() + ", " + session.minutes() + " minutes",
                            entry.link()))));
            event.add(new Location(session.format().label()));
            event.add(session.cancelled() ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
            calendar.add(event);
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
