package io.earshot.signal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises the headers of common survey, review and ticket exports ("How likely are you to recommend us?", "Date
 * received", "Consumer complaint narrative", …), ignoring case, spaces and punctuation.
 */
final class AutomaticMapping {

    private static final Map<String, ImportField> EXACT = new HashMap<>();

    /** Parts of the open questions surveys ask after a score ("What is the main reason for your score?"). */
    private static final List<String> OPEN_QUESTION =
            List.of("reasonfor", "why", "tellus", "anythingelse", "comment", "improve", "feedback");

    static {
        alias(ImportField.NPS, "nps", "score", "npsscore", "likelihoodtorecommend", "recommend", "npsrating");
        alias(ImportField.CSAT, "csat", "satisfaction", "csatscore", "customersatisfaction", "satisfactionscore");
        alias(ImportField.CES, "ces", "effort", "cesscore", "customereffort", "customereffortscore", "effortscore");
        alias(
                ImportField.TEXT,
                "text",
                "comment",
                "comments",
                "feedback",
                "verbatim",
                "review",
                "reviewtext",
                "message",
                "body",
                "consumercomplaintnarrative",
                "narrative",
                "feedbacktext",
                "commenttext",
                "description");
        alias(
                ImportField.OCCURRED_AT,
                "occurredat",
                "createdat",
                "date",
                "submittedat",
                "timestamp",
                "datereceived",
                "datetime",
                "created",
                "submitted",
                "responsedate",
                "reviewdate",
                "time");
        alias(
                ImportField.CUSTOMER_ID,
                "customerid",
                "email",
                "customer",
                "emailaddress",
                "customeremail",
                "userid",
                "clientid");
        alias(
                ImportField.EXTERNAL_ID,
                "externalid",
                "responseid",
                "id",
                "ticketid",
                "complaintid",
                "reviewid",
                "messageid",
                "surveyresponseid");
        alias(ImportField.ACCOUNT_ID, "accountid", "account", "accountname", "company");
        alias(ImportField.CHANNEL, "channel", "submittedvia", "medium");
        alias(ImportField.TOUCHPOINT, "touchpoint", "touchpointname");
        alias(ImportField.JOURNEY_STAGE, "journeystage", "stage", "journey");
        alias(ImportField.PRODUCT, "product", "productname");
        alias(ImportField.REGION, "region", "state", "country", "location", "area");
        alias(ImportField.SEGMENT, "segment", "customersegment", "tier");
        alias(ImportField.LANGUAGE, "language", "lang", "locale");
        alias(ImportField.CUSTOMER_NAME, "customername", "name", "fullname", "contactname", "clientname");
    }

    private AutomaticMapping() {}

    private static void alias(ImportField field, String... names) {
        for (String name : names) {
            EXACT.put(name, field);
        }
    }

    /** The field a header names, or {@code null} when it is not a known export header (it becomes an attribute). */
    static ImportField guess(String header) {
        String key = normalise(header);
        ImportField exact = EXACT.get(key);
        if (exact != null) {
            return exact;
        }
        if (key.contains("recommend")) {
            return ImportField.NPS;
        }
        if (key.contains("satisf")) {
            return ImportField.CSAT;
        }
        if (key.contains("effort")) {
            return ImportField.CES;
        }
        if (OPEN_QUESTION.stream().anyMatch(key::contains)) {
            return ImportField.TEXT;
        }
        return null;
    }

    /** Lower case letters and digits only: "Created At", "created_at" and "CREATED-AT" are the same header. */
    static String normalise(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }
}
