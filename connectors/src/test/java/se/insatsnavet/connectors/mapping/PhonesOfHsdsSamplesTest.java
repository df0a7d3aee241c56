package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.hsds.HsdsPackageReader;
import se.insatsnavet.connectors.source.RawRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Open Referral's own HSDS samples (material the hub did not write): their phone numbers come through as written. */
class PhonesOfHsdsSamplesTest {

    private static final Path STANDARDS = Path.of(System.getProperty("insatsnavet.shared", "../shared")).resolve("standards");

    private static Path sample(String folder) {
        Path path = STANDARDS.resolve(folder);
        assumeTrue(Files.isDirectory(path), "HSDS samples not found in " + path + " (../shared/standards)");
        return path;
    }

    private static RecordMapper mapper(String region) {
        FederationDescriptor federation = new FederationDescriptor("demo", Map.of("sv", "Demo"), Map.of(), null, null,
                List.of(), List.of("1480"), List.of(), Path.of("federation.json"));
        SourceDescriptor source = new SourceDescriptor("hsds", "hsds", "csv", null, "en", Map.of(), null, null,
                SourceDescriptor.DEFAULT_MAX_DELETE_PERCENT, SourceDescriptor.PluginRefs.NONE, region);
        return new RecordMapper(federation, source, (scheme, value) -> Optional.empty());
    }

    @Test
    void theQuotedNumberOfTheHsds31SampleIsKeptWithItsQuotesAndReadAsAUkNumberWithItsExtension() throws Exception {
        RawRecord service = HsdsPackageReader.read(sample("hsds-3.1/examples/csv")).records().get(0);

        MappingResult result = mapper("US").map(service);

        String phone = result.service().path("contact").path("phone").asText();
        assertEquals("\"+44 1234 234567\"", phone, "as the package wrote it, quotes included");
        assertEquals("+441234234567", PhoneNumbers.read(phone, "US").e164());
        assertEquals("100", result.service().path("contact").path("phoneExtension").asText(), "the sample's extension column");
        PhoneNumbers.derive((ObjectNode) result.service().get("contact"), "US");
        assertEquals("+441234234567", result.service().path("contact").path("phoneE164").asText());
        assertEquals("100", result.service().path("contact").path("phoneExtension").asText());
    }

    @Test
    void everyNumberOfTheHsds11SampleIsPublishedAsWritten() throws Exception {
        HsdsPackageReader.Result pkg = HsdsPackageReader.read(sample("hsds-1.1-sample"));
        RecordMapper mapper = mapper("US");
        int phones = 0;
        for (RawRecord service : pkg.records()) {
            MappingResult result = mapper.map(service);
            Object first = RawValues.lookup(service.fields(), "phones.0.number");
            if (first instanceof String written) {
                phones++;
                assertEquals(written, result.service().path("contact").path("phone").asText(), service.locator());
            }
        }
        assertTrue(phones > 0, "the sample has service phones");
    }
}
