package io.earshot.demo;

/**
 * A real customer utterance shipped with the demo: a banking77 query or a CFPB complaint narrative.
 *
 * @param text the words as the customer wrote them
 * @param intent the banking77 category, or {@link Intent#COMPLAINT}
 * @param issue the CFPB issue of a complaint, else {@code null}
 * @param product the demo bank's product a complaint is filed under, else {@code null}
 * @param origin {@code banking77} or {@code cfpb}
 */
record Utterance(String text, String intent, String issue, String product, String origin) {}
