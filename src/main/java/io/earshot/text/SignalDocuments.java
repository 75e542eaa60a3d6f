package io.earshot.text;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

/**
 * How a signal is laid out in the index: its text analysed in English with offsets (for highlighting), every signal
 * field as an exact term (a missing value as the empty term, so filters and data scopes match as in SQL), the time and
 * scores as points, and the faceted fields as doc values.
 */
final class SignalDocuments {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String OCCURRED_AT = "occurred_at";
    /** The stored emotions of the text, in order, each with its probability in {@link #EMOTION_PROBABILITY}. */
    static final String EMOTION = "emotion";

    static final String EMOTION_PROBABILITY = "emotion_probability";
    static final String[] SCORES = {"nps", "csat", "ces"};

    private static final FieldType TEXT_TYPE = textType();

    private SignalDocuments() {}

    /** English for the text, exact terms for the fields a query can name ({@code region:North}). */
    static Analyzer analyzer() {
        Map<String, Analyzer> exact = new HashMap<>();
        SearchQuery.filterNames().forEach(name -> exact.put(name, new KeywordAnalyzer()));
        exact.put(ID, new KeywordAnalyzer());
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), exact);
    }

    /**
     * The document of a signal, with the sentence vector of its text when it has one; its sentiment and theme are
     * exact terms like the signal fields (the empty term when it has none).
     */
    static Document document(IndexedSignal signal) {
        Document doc = new Document();
        doc.add(new StringField(ID, signal.id().toString(), Field.Store.YES));
        for (String name : SearchQuery.fieldNames()) {
            String value = signal.fields().getOrDefault(name, "");
            doc.add(new StringField(name, value, Field.Store.NO));
            if (!value.isEmpty()) {
                doc.add(new StoredField(name, value));
            }
            if (SearchResults.FACET_FIELDS.contains(name)) {
                doc.add(new SortedDocValuesField(name, new BytesRef(value)));
            }
        }
        exact(doc, "sentiment", signal.sentiment() == null ? "" : signal.sentiment());
        exact(doc, "theme", signal.theme() == null ? "" : signal.theme().toString());
        long millis = millis(signal.occurredAt());
        doc.add(new LongPoint(OCCURRED_AT, millis));
        doc.add(new NumericDocValuesField(OCCURRED_AT, millis));
        doc.add(new StoredField(OCCURRED_AT, millis));
        Integer[] scores = {signal.nps(), signal.csat(), signal.ces()};
        for (int i = 0; i < SCORES.length; i++) {
            if (scores[i] != null) {
                doc.add(new IntPoint(SCORES[i], scores[i]));
                doc.add(new StoredField(SCORES[i], scores[i]));
            }
        }
        if (signal.text() != null && !signal.text().isBlank()) {
            doc.add(new Field(TEXT, signal.text(), TEXT_TYPE));
        }
        // stored with the hit, so that a page of hits needs no read of signal_emotion (a scan of the whole table)
        for (EmotionScore emotion : signal.emotions()) {
            doc.add(new StoredField(EMOTION, emotion.emotion()));
            doc.add(new StoredField(EMOTION_PROBABILITY, emotion.probability()));
        }
        if (signal.vector() != null) {
            doc.add(new org.apache.lucene.document.KnnFloatVectorField(
                    VECTOR, signal.vector(), org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static void exact(Document doc, String name, String value) {
        doc.add(new StringField(name, value, Field.Store.NO));
        if (!value.isEmpty()) {
            doc.add(new StoredField(name, value));
        }
        doc.add(new SortedDocValuesField(name, new BytesRef(value)));
    }

    /** The hit a stored document shows. */
    static SearchHit hit(StoredFields stored, int docId, float score, String snippet) throws java.io.IOException {
        Document doc = stored.document(docId);
        Map<String, String> fields = new HashMap<>();
        for (String name : SearchQuery.fieldNames()) {
            String value = doc.get(name);
            if (value != null && !name.equals("source") && !name.equals("customer_id")) {
                fields.put(name, value);
            }
        }
        return new SearchHit(
                UUID.fromString(doc.get(ID)),
                LocalDateTime.ofInstant(
                        Instant.ofEpochMilli(
                                doc.getField(OCCURRED_AT).numericValue().longValue()),
                        ZoneOffset.UTC),
                doc.get("source"),
                doc.get("customer_id"),
                doc.get(TEXT),
                snippet,
                score(doc, "nps"),
                score(doc, "csat"),
                score(doc, "ces"),
                fields,
                score,
                emotions(doc));
    }

    private static List<EmotionScore> emotions(Document doc) {
        String[] names = doc.getValues(EMOTION);
        IndexableField[] probabilities = doc.getFields(EMOTION_PROBABILITY);
        List<EmotionScore> emotions = new ArrayList<>(names.length);
        for (int i = 0; i < names.length && i < probabilities.length; i++) {
            emotions.add(
                    new EmotionScore(names[i], probabilities[i].numericValue().doubleValue()));
        }
        return emotions;
    }

    static long millis(LocalDateTime at) {
        return at.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static Integer score(Document doc, String name) {
        var field = doc.getField(name);
        return field == null ? null : field.numericValue().intValue();
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
