package se.insatsnavet.hub.indicators;

import org.apache.jena.rdf.model.Property;
import se.insatsnavet.schema.vocab.INSI;

import java.util.Arrays;
import java.util.Optional;

/**
 * The published measures of the indicator cube. A count measure publishes one count of a record; a share
 * measure publishes {@code 100 * numerator / base} (per cent, one decimal) with its base as {@code insi:basedOn}.
 */
public enum Measure {

    PARTICIPANTS("participants", INSI.participants, "participants", null, "Deltagare"),
    EXITS("exits", INSI.exits, "exits", null, "Avslutade"),
    WORK_OR_STUDIES_AT_EXIT("workOrStudiesAtExit", INSI.workOrStudiesAtExit, "workOrStudiesAtExit", "exits",
            "I arbete eller studier vid avslut"),
    STEP_MOVEMENT("stepMovement", INSI.stepMovement, "stepMovement", "exits", "Tog steg på processtrappan"),
    WORK_OR_STUDIES_6_MONTHS("workOrStudies6Months", INSI.workOrStudies6Months, "workOrStudies6Months",
            "followedUp6Months", "I arbete eller studier 6 månader efter avslut"),
    WORK_OR_STUDIES_18_MONTHS("workOrStudies18Months", INSI.workOrStudies18Months, "workOrStudies18Months",
            "followedUp18Months", "I arbete eller studier 18 månader efter avslut");

    private final String key;
    private final Property property;
    private final String field;
    private final String baseField;
    private final String labelSv;

    Measure(String key, Property property, String field, String baseField, String labelSv) {
        this.key = key;
        this.property = property;
        this.field = field;
        this.baseField = baseField;
        this.labelSv = labelSv;
    }

    /** The measure's name in JSON, CSV and observation IRIs. */
    public String key() {
        return key;
    }

    /**
     * The name of the published figure in {@code /api/indicators} (JSON and CSV): a count keeps the upload's
     * column name (it holds the same quantity); a share is named for what it holds, {@code <key>Percent}, so it is
     * never mistaken for the uploaded count of the same name. Its base is {@code <key>Base}.
     */
    public String outputName() {
        return isShare() ? key + "Percent" : key;
    }

    public Property property() {
        return property;
    }

    /** The record field with the count (a share's numerator). */
    public String field() {
        return field;
    }

    /** A share's base (denominator) field, or {@code null} for a count. */
    public String baseField() {
        return baseField;
    }

    public boolean isShare() {
        return baseField != null;
    }

    /** Swedish label for the service page (a share is shown in per cent). */
    public String labelSv() {
        return labelSv;
    }

    public static Optional<Measure> byProperty(String iri) {
        return Arrays.stream(values()).filter(m -> m.property.getURI().equals(iri)).findFirst();
    }
}
