package se.insatsnavet.connectors.file;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.schema.json.JsonSchemas;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole way from a descriptor folder to canonical services, as the hub will drive it. */
class DescriptorToEndpointTest {

    @TempDir
    Path dir;

    @Test
    void descriptorSourceBecomesAWorkingEndpointWhoseRecordsMapToValidServices() throws Exception {
        Path federationDir = Files.createDirectories(dir.resolve("centrala-ostergotland (test)/data"));
        Files.write(federationDir.resolve("insatser.csv"),
                "Id;Namn;Kommun\nst-1;Steget vidare;Linköping\nst-2;Ung framtid;\n".getBytes(Charset.forName("windows-1252")));
        Files.writeString(federationDir.getParent().resolve("federation.json"), """
                {"id": "centrala-ostergotland", "name": {"sv": "Centrala Östergötland"}, "municipalities": ["0580", "0581"],
                 "sources": [{"id": "katalog", "kind": "file", "location": "data/insatser.csv", "format": "csv",
                   "options": {"delimiter": ";", "encoding": "windows-1252"},
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Namn",
                                          "municipalities": {"path": "Kommun", "valueMap": "kommuner"}},
                               "valueMaps": {"kommuner": {"Linkoping": "0580"}},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """);
        FederationDescriptor federation = new DescriptorLoader().load(federationDir.getParent().resolve("federation.json"));
        SourceDescriptor source = federation.source("katalog").orElseThrow();

        String uri = FileSourceComponent.endpointUri(federation, source, federation.directory());
        CamelContext context = new DefaultCamelContext();
        try {
            context.start();
            SourceBatch batch = context.createProducerTemplate().requestBody(uri, null, SourceBatch.class);
            RecordMapper mapper = new RecordMapper(federation, source, ConceptMatcher.none());
            List<MappingResult> results = batch.records().stream().map(mapper::map).toList();

            assertEquals(2, results.size());
            assertEquals("[\"0580\"]", results.get(0).service().get("municipalities").toString());
            assertEquals("[\"0580\",\"0581\"]", results.get(1).service().get("municipalities").toString());
            for (MappingResult result : results) {
                assertEquals(List.of(), result.warnings());
                assertEquals(List.of(), JsonSchemas.service().validate(result.service()));
            }
        } finally {
            context.stop();
        }
    }
}
