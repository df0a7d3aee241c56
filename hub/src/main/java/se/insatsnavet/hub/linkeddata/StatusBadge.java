package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import se.insatsnavet.hub.services.StatusFilter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A Swedish badge for a service that is not active (planned, paused, ended), shown on every card and page
 * that lists the service; nothing for an active one.
 */
public final class StatusBadge {

    private StatusBadge() {
    }

    /** The badge's text, or empty for an active service. */
    public static Optional<String> text(JsonNode item) {
        String status = StatusFilter.status(item);
        return switch (status) {
            case StatusFilter.ACTIVE -> Optional.empty();
            case StatusFilter.PLANNED -> Optional.of(StatusFilter.start(item)
                    .map(start -> start.isBefore(LocalDate.now(ZoneOffset.UTC))
                            ? "Planerad – skulle starta " + start + ", fråga anordnaren om den har startat"
                            : "Planerad – startar " + start)
                    .orElse("Planerad – startdatum är inte bestämt"));
            case StatusFilter.PAUSED -> Optional.of("Pausad – tar inte emot deltagare just nu");
            case StatusFilter.ENDED -> Optional.of("Avslutad – finns inte längre");
            default -> Optional.of("Status: " + status);
        };
    }

    /** The badge as a paragraph ({@code <p class="status status-…">}), or "" for an active service. */
    public static String html(JsonNode item) {
        String status = StatusFilter.status(item);
        return text(item).map(t -> "<p class=\"status status-" + Html.escape(status) + "\"><strong>"
                + Html.escape(t) + "</strong></p>\n").orElse("");
    }
}
