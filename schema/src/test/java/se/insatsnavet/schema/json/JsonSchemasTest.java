package se.insatsnavet.schema.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCompleteServiceConforms() throws Exception {
        var service = json.readTree("""
            {"localId":"ips-1","title":{"sv":"IPS Linköping"},"description":{"sv":"Stöd att hitta arbete."},
             "municipalities":["0580"],"targetGroups":["young-adults"],"contact":{"email":"ips@linkoping.se"},
             "period":{"start":"2024-01-01"}}""");
        assertEquals(List.of(), JsonSchemas.service().validate(service));
    }

    @Test
    void problemsNameTheFailingField() throws Exception {
        var service = json.readTree("""
            {"localId":"x","description":{"sv":"d"},"municipalities":["580"],"contact":{"email":"not-an-email"}}""");
        List<SchemaProblem> problems = JsonSchemas.service().validate(service);
        var fields = problems.stream().map(SchemaProblem::field).toList();
        assertTrue(fields.contains("title"), problems.toString());
        assertTrue(fields.contains("municipalities[0]"), problems.toString());
        assertTrue(fields.contains("contact.email"), problems.toString());
    }

    @Test
    void aDescriptorWithoutSourcesIsRejected() throws Exception {
        var descriptor = json.readTree("""
            {"id":"demo","name":{"sv":"Demo"},"municipalities":["0580"],"sources":[]}""");
        var problems = JsonSchemas.federation().validate(descriptor);
        assertEquals("sources", problems.get(0).field(), problems.toString());
    }

    @Test
    void anIndicatorRowHasCountsPerServiceYearAndSex() throws Exception {
        var row = json.readTree("""
            {"service":"ST-100","period":"2024","sex":"F","participants":46,"exits":24,"workOrStudiesAtExit":9,
             "stepMovement":19,"followedUp6Months":20,"workOrStudies6Months":8}""");
        assertEquals(List.of(), JsonSchemas.indicator().validate(row));
        var bad = json.readTree("""
            {"service":"ST-100","period":"24","sex":"T","participants":-1,"name":"Anna"}""");
        var fields = JsonSchemas.indicator().validate(bad).stream().map(SchemaProblem::field).toList();
        assertTrue(fields.containsAll(List.of("period", "sex", "participants")), fields.toString());
        assertTrue(JsonSchemas.indicator().validate(bad).stream().anyMatch(p -> p.message().contains("name")),
                "no other field, such as a person's name, is accepted");
    }
}
