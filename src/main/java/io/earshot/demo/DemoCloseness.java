package io.earshot.demo;

import io.earshot.access.User;
import io.earshot.programme.Attendance;
import io.earshot.programme.Clip;
import io.earshot.programme.Clips;
import io.earshot.programme.ClosenessEvent;
import io.earshot.programme.ClosenessEvents;
import io.earshot.programme.EventTables;
import io.earshot.programme.Feedbacks;
import io.earshot.programme.FollowUps;
import io.earshot.programme.Insights;
import io.earshot.programme.PanelMember;
import io.earshot.programme.Programme;
import io.earshot.programme.Recording;
import io.earshot.programme.Recordings;
import io.earshot.programme.Reel;
import io.earshot.programme.Reels;
import io.earshot.programme.TranscriptLine;
import io.earshot.programme.Workshop;
import io.earshot.programme.Workshops;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the demo programme made of its interviews: a clip of each customer answer that was recorded, a reel of them, an
 * empathy workshop that watched the reel (with its insights) and a closeness event open to the whole bank, with
 * conversation tables, feedback and follow-ups; and one workshop still to come.
 */
@Component
class DemoCloseness {

    private final Recordings recordings;
    private final Clips clips;
    private final Reels reels;
    private final Workshops workshops;
    private final Insights insights;
    private final ClosenessEvents events;
    private final EventTables tables;
    private final Feedbacks feedbacks;
    private final FollowUps followUps;
    private final Clock clock;

    DemoCloseness(
            Recordings recordings,
            Clips clips,
            Reels reels,
            Workshops workshops,
            Insights insights,
            ClosenessEvents events,
            EventTables tables,
            Feedbacks feedbacks,
            FollowUps followUps,
            Clock clock) {
        this.recordings = recordings;
        this.clips = clips;
        this.reels = reels;
        this.workshops = workshops;
        this.insights = insights;
        this.events = events;
        this.tables = tables;
        this.feedbacks = feedbacks;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** Adds the clips, reel, workshops and event to {@code programme}, whose sessions have {@code recorded}. */
    void create(Programme programme, List<Recording> recorded, Map<String, User> people, List<PanelMember> panel) {
        String actor = DemoProgramme.ACTOR;
        List<Clip> made = new ArrayList<>();
        for (Recording recording : recorded) {
            List<TranscriptLine> lines = recordings.lines(recording.id());
            lines.stream()
                    .filter(line -> line.speaker() != null && !line.speaker().equals("Facilitator"))
                    .limit(2)
                    .forEach(line -> made.add(clips.create(
                            recording.id(),
                            new Clips.Draft(
                                    line.startMillis(),
                                    line.endMillis(),
                                    line.speaker() + ": " + firstWords(line.text()),
                                    "",
                                    "demo, north",
                                    List.of()),
                            actor)));
        }
        Reel reel = reels.create(
                "North, in their own words",
                "What North's customers told our leaders this autumn: cards, fees and payments.",
                actor);
        made.forEach(clip -> reels.add(reel.id(), clip.id(), actor));

        UUID lee = people.get("leader@demo.earshot.dev").id();
        UUID helena = people.get("helena.voss@demo.earshot.dev").id();
        UUID ravi = people.get("ravi.patel@demo.earshot.dev").id();
        UUID noor = people.get("noor.achter@demo.earshot.dev").id();
        UUID fay = people.get("facilitator@demo.earshot.dev").id();
        UUID frank = people.get("frontline@demo.earshot.dev").id();
        UUID acacia = people.get("accounts@demo.earshot.dev").id();

        Workshop workshop = workshops.schedule(
                programme.id(),
                new Workshops.Plan("Feeling the wait", at(-12, 14), 90, reel.id(), fay, List.of(lee, helena, ravi)),
                actor);
        workshops.recordAttendance(
                workshop.id(),
                Map.of(lee, Attendance.ATTENDED, helena, Attendance.ATTENDED, ravi, Attendance.ABSENT),
                actor);
        List<UUID> signals =
                made.stream().map(Clip::signalId).filter(Objects::nonNull).toList();
        insights.add(
                workshop.id(),
                "Waiting without news hurts more than waiting: customers check the app every day and hear nothing.",
                made.stream().limit(2).map(Clip::id).toList(),
                signals.stream().limit(2).toList(),
                actor);
        insights.add(
                workshop.id(),
                "Fees customers discover on their statement feel like being cheated, whatever their size.",
                made.stream().skip(2).limit(2).map(Clip::id).toList(),
                List.of(),
                actor);
        workshops.schedule(
                programme.id(),
                new Workshops.Plan(
                        "Pending, declined, unexplained", at(8, 14), 60, reel.id(), fay, List.of(noor, ravi)),
                actor);

        ClosenessEvent event = events.schedule(
                programme.id(),
                new ClosenessEvents.Plan(
                        "Customer closeness day, Leeds", at(-5, 13), at(-5, 15), "Leeds branch, first floor", """
                        **13:00** Welcome — why we listen
                        **13:15** Conversation tables with customers
                        **14:30** What we heard, what we will do"""),
                actor);
        events.invite(
                event.id(),
                List.of(lee, ravi, frank, acacia),
                List.of(panel.get(3).id(), panel.get(4).id()),
                actor);
        events.recordAttendance(
                event.id(),
                Map.of(
                        lee,
                        Attendance.ATTENDED,
                        ravi,
                        Attendance.ABSENT,
                        frank,
                        Attendance.ATTENDED,
                        acacia,
                        Attendance.ATTENDED),
                Map.of(panel.get(3).id(), Attendance.ATTENDED, panel.get(4).id(), Attendance.ATTENDED),
                actor);
        tables.add(event.id(), "Table 1", lee, List.of(panel.get(3).id()), List.of(lee, frank), actor);
        tables.add(event.id(), "Table 2", acacia, List.of(panel.get(4).id()), List.of(acacia), actor);
        feedbacks.give(event.id(), frank, 5, "Tell customers where their card is before they have to ask.", actor);
        feedbacks.give(event.id(), acacia, 4, "Call business customers when a payment is held.", actor);
        followUps.add(
                event.id(),
                "Send card-tracking updates by text message",
                lee,
                LocalDate.now(clock).plusDays(30),
                actor);
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        return words.length <= 8 ? text : String.join(" ", List.of(words).subList(0, 8)) + "…";
    }

    private Instant at(int days, int hour) {
        return LocalDate.now(clock)
                .plusDays(days)
                .atTime(LocalTime.of(hour, 0))
                .atZone(clock.getZone())
                .toInstant();
    }
}
