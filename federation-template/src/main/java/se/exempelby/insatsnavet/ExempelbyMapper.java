package se.exempelby.insatsnavet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.MappingException;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Exempelby's odd list layout, which the declarative mapping cannot express:
 * <pre>
 * Nr;Rubrik;Om insatsen;Vem;Orter;Ålder;Kontakt
 * E-7;Jobbspår;Stöd att hitta ett arbete …;unga+sjukskrivna;0580 0561;16-29;Kim Samordnare &lt;kim@exempelby.se&gt;
 * </pre>
 * "Vem" holds local words joined by '+', "Orter" SCB codes separated by spaces, "Ålder" a range, and
 * "Kontakt" a name with an e-mail address in angle brackets.
 */
public final class ExempelbyMapper implements RecordMapperPlugin {

    private static final Pattern AGE = Pattern.compile("\\s*(\\d{1,3})\\s*-\\s*(\\d{1,3})\\s*");
    private static final Pattern CONTACT = Pattern.compile("\\s*([^<]*?)\\s*<([^>]+)>\\s*");
    private static final Map<String, String> TARGET_GROUPS = Map.of(
            "unga", "young-adults", "sjukskrivna", "sick-leave", "nyanlanda", "newly-arrived",
            "forsorjningsstod", "income-support", "aktivitetsersattning", "activity-compensation");

    /** The keyword added to every service, from {@code exempelby.properties} in this bundle. */
    static final String KEYWORD = keyword();

    @Override
    public String id() {
        return "exempelby-lista";
    }

    private static String keyword() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = ExempelbyMapper.class.getResourceAsStream("/exempelby.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.getProperty("nyckelord", "exempelby");
    }

    @Override
    public ObjectNode map(Map<String, Object> record, RecordContext context) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        String nr = text(record, "Nr");
        if (nr == null) {
            throw new MappingException("localId", null, "Column 'Nr' is empty");
        }
        s.put("localId", nr);
        s.putArray("keywords").add(KEYWORD);
        putText(s, "title", text(record, "Rubrik"), context.language());
        putText(s, "description", text(record, "Om insatsen"), context.language());
        String who = text(record, "Vem");
        if (who != null) {
            var groups = s.putArray("targetGroups");
            for (String word : who.split("\\+")) {
                String code = TARGET_GROUPS.get(fold(word));
                if (code == null) {
                    throw new MappingException("targetGroups", word.trim(), "Unknown word in 'Vem': " + word.trim());
                }
                groups.add(code);
            }
        }
        String places = text(record, "Orter");
        var municipalities = s.putArray("municipalities");
        if (places == null) {
            context.municipalities().forEach(municipalities::add);
        } else {
            for (String code : places.trim().split("\\s+")) {
                municipalities.add(code);
            }
        }
        String age = text(record, "Ålder");
        if (age != null) {
            Matcher m = AGE.matcher(age);
            if (!m.matches()) {
                throw new MappingException("ageRange", age, "'Ålder' must look like 16-29");
            }
            s.putObject("ageRange").put("min", Integer.parseInt(m.group(1))).put("max", Integer.parseInt(m.group(2)));
        }
        String contact = text(record, "Kontakt");
        if (contact != null) {
            Matcher m = CONTACT.matcher(contact);
            ObjectNode c = s.putObject("contact");
            if (m.matches()) {
                if (!m.group(1).isEmpty()) {
                    c.put("name", m.group(1));
                }
                c.put("email", m.group(2));
            } else {
                c.put("name", contact.trim());
            }
        }
        return s;
    }

    private static void putText(ObjectNode s, String field, String value, String language) {
        if (value != null) {
            s.putObject(field).put(language, value);
        }
    }

    private static String text(Map<String, Object> record, String column) {
        Object v = record.get(column);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static String fold(String word) {
        return java.text.Normalizer.normalize(word.trim().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
