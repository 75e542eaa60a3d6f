package io.earshot.demo;

import java.util.List;

/**
 * The four sources of the demo company, with their volume, id prefix, channels and how much of their text is a formal
 * complaint (a CFPB narrative) rather than a banking77 query.
 */
enum DemoSource {
    SURVEY("survey", "NPS", 22_000, List.of("app", "web", "phone", "branch"), new double[] {55, 20, 15, 10}, 0),
    CHAT("chat", "CHT", 14_000, List.of("app", "web"), new double[] {75, 25}, 0),
    TICKET("ticket", "TKT", 11_000, List.of("web", "phone", "app", "branch"), new double[] {45, 35, 15, 5}, 0.15),
    REVIEW("review", "REV", 3_000, List.of("app", "web"), new double[] {70, 30}, 0.65);

    final String key;
    final String idPrefix;
    final int count;
    final List<String> channels;
    final double[] channelWeights;
    final double complaintShare;

    DemoSource(
            String key,
            String idPrefix,
            int count,
            List<String> channels,
            double[] channelWeights,
            double complaintShare) {
        this.key = key;
        this.idPrefix = idPrefix;
        this.count = count;
        this.channels = channels;
        this.channelWeights = channelWeights;
        this.complaintShare = complaintShare;
    }

    /** The source name signals are imported under. */
    String key() {
        return key;
    }
}
