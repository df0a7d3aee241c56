package se.insatsnavet.schema.rdf;

import org.apache.jena.sys.JenaSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

/**
 * Canonical service JSON ({@code service.schema.json}) ⇄ RDF in the Insatsnavet vocabulary (CPSV-AP 3.2.0 +
 * {@code insv:}). See {@code schema/README.md} for the field-by-field mapping. Rules:
 * <ul>
 *   <li>no blank nodes: a service's sub-resources have hash IRIs under its IRI ({@code <service>#contact},
 *       {@code #criterion-1}, {@code #channel-apply}, {@code #period}, {@code #output}, {@code #opening-hours});</li>
 *   <li>every code-list IRI used as an object (concepts, places, provider type, languages, contact page) is
 *       described in the output (type, scheme, notation, prefLabel copied from the {@link Vocabulary}), so
 *       the result conforms to the official CPSV-AP shapes without the reference graph;</li>
 *   <li>set-valued arrays (codes, municipalities, regions, keywords, languages) have no order in RDF:
 *       {@link #fromRdf} returns them sorted; admission criteria keep their order (criterion-N);</li>
 *   <li>a missing {@code status} is written as the schema default {@code active}.</li>
 * </ul>
 * The JSON to RDF direction is {@link ServiceToRdf}, the way back {@link ServiceFromRdf}; this class is their
 * facade and holds what both share (the fragment names of sub-resources, the {@code tel:} IRI form). Thread-safe.
 */
public final class ServiceRdf {

    static {
        // Jena initialises itself on first use; a vocabulary constant (RDF.…) touched first, from a static
        // initialiser, would see Jena half initialised (RDF.Alt null), so the system is initialised explicitly
        JenaSystem.init();
    }

    /** Status written when the canonical service has none (the JSON Schema default). */
    public static final String DEFAULT_STATUS = "active";

    static final String CONTACT = "contact";
    static final String OPENING_HOURS = "opening-hours";
    static final String CHANNEL_APPLY = "channel-apply";
    static final String PERIOD = "period";
    static final String OUTPUT = "output";
    static final String CRITERION = "criterion-";

    private final HubIris iris;
    private final ServiceToRdf toRdf;
    private final ServiceFromRdf fromRdf;

    private ServiceRdf(HubIris iris) {
        this.iris = iris;
        SourceDetailsRdf sourceDetails = new SourceDetailsRdf(iris);
        this.toRdf = new ServiceToRdf(iris, Vocabulary.load(iris), sourceDetails);
        this.fromRdf = new ServiceFromRdf(iris, sourceDetails);
    }

    /** The converter for the hub's IRIs. */
    public static ServiceRdf of(HubIris iris) {
        return new ServiceRdf(iris);
    }

    public HubIris iris() {
        return iris;
    }

    /**
     * The RDF of one canonical service (already valid against {@code service.schema.json}). The model holds
     * only triples about the service, its hash sub-resources, its competent authority and the descriptions
     * of the code-list IRIs it uses.
     *
     * @throws IllegalArgumentException if the context's IRIs differ from this converter's or an id is invalid
     */
    public Model toRdf(ObjectNode canonicalService, ServiceContext ctx) {
        return toRdf.toRdf(canonicalService, ctx);
    }

    /** The IRI of a canonical provider: its id, else a slug of its name (Swedish, else the first language). */
    public String organisationIri(JsonNode provider) {
        return toRdf.organisationIri(provider);
    }

    /**
     * The canonical service for {@code serviceIri} read back from {@code model} (a service's own model or a
     * whole federation graph). Provenance triples are not part of the canonical JSON and are ignored.
     *
     * @throws IllegalArgumentException if the model holds no cpsv:PublicService with that IRI
     */
    public ObjectNode fromRdf(Model model, String serviceIri) {
        return fromRdf.fromRdf(model, serviceIri);
    }

    /** The {@code tel:} IRI (RFC 3966) of a number's E.164 form and extension (may be null). */
    static String telIri(String e164, String extension) {
        return "tel:" + e164 + (extension == null ? "" : ";ext=" + extension);
    }
}
