package se.insatsnavet.hub.web;

import java.util.Map;

/** The Swedish names of the kinds of guidance article (and of services beside them), as the public pages show them. */
final class ArticleKindNames {

    private static final Map<String, String> SINGULAR = Map.of("service", "Insats", "vagval", "Vägval",
            "story", "Berättelse", "question", "Fråga och svar", "situation-guide", "Så fungerar det");
    private static final Map<String, String> PLURAL = Map.of("service", "Insatser", "vagval", "Vägval",
            "story", "Berättelser om livet", "question", "Vanliga frågor", "situation-guide", "Så fungerar välfärdssystemet");

    private ArticleKindNames() {
    }

    /** One article's kind in Swedish (the code itself when unknown). */
    static String singular(String kind) {
        return SINGULAR.getOrDefault(kind, kind);
    }

    /** A kind as the heading of a list or a facet. */
    static String plural(String kind) {
        return PLURAL.getOrDefault(kind, kind);
    }
}
