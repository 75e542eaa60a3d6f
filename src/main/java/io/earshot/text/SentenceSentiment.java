package io.earshot.text;

/** One sentence of a text, where it starts in the text, and its sentiment. */
public record SentenceSentiment(String sentence, int start, SentimentScore sentiment) {}
