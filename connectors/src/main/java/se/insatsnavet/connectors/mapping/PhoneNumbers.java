package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as sources write them, read with Google's libphonenumber. The number is always published as the
 * source wrote it ({@code contact.phone}); where libphonenumber, with the source's default region, finds a valid
 * number, its E.164 form ({@code contact.phoneE164}) and its extension ({@code contact.phoneExtension}) are
 * derived beside it. Swedish forms ({@code 08-123 456 78}, {@code +46 (0)8 …}, {@code 020-…}), labels and quotes
 * around the number ({@code Tel: …}, {@code "+44 …"}), extensions ({@code ext. 321}, {@code x12}) and letters
 * ({@code 1-800-LAW-REP-4}) are understood; among other words ({@code 08-123 456 78 (växel)}) the first valid
 * number is taken; a valid short number of the region ({@code 1177}) is kept without an E.164 form. Thread-safe.
 */
public final class PhoneNumbers {

    /** The region numbers without a country code are read in when the source names none. */
    public static final String DEFAULT_REGION = "SE";
    /** The derived E.164 form in the canonical {@code contact}. */
    public static final String E164 = "phoneE164";
    /** The derived extension (digits) in the canonical {@code contact}. */
    public static final String EXTENSION = "phoneExtension";

    /** Longer texts are not read as a number (libphonenumber refuses more than 250 characters too). */
    public static final int MAX_LENGTH = 250;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();
    private static final Pattern SWEDISH_EXTENSION = Pattern.compile("\\s*\\b(?:tel\\.?\\s*)?ankn(?:ytning)?\\b\\.?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    /** How an extension ends a written number ({@code ext. 321}, {@code x 12}, {@code #5}, {@code ankn. 3}). */
    private static final String EXTENSION_MARK = "(?:[,;]\\s*)?(?:ext(?:ension)?\\.?|extn\\.?|x|#|ankn(?:ytning)?\\.?|;ext=|,)\\s*[:.]?\\s*";

    private PhoneNumbers() {
    }

    /**
     * A number read.
     *
     * @param written   as the source wrote it
     * @param e164      the E.164 form ({@code +12174763417}), or null when no valid number was found
     * @param extension the extension's digits, or null
     * @param shortNumber whether it is a valid short number of the region ({@code 1177}, {@code 112}): no E.164 form
     */
    public record Phone(String written, String e164, String extension, boolean shortNumber) {

        /** Whether libphonenumber found a valid number (or a valid short number). */
        public boolean valid() {
            return e164 != null || shortNumber;
        }
    }

    /** Whether a region code (ISO 3166-1 alpha-2, upper case) is one libphonenumber knows. */
    public static boolean knownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    /**
     * Reads a number as written; numbers without a country code are read in {@code region} (null: {@link #DEFAULT_REGION}).
     * Never throws for bad input: an unreadable or invalid number has no E.164 form.
     */
    public static Phone read(String written, String region) {
        String in = region == null || region.isBlank() ? DEFAULT_REGION : region.toUpperCase(Locale.ROOT);
        if (written == null || written.isBlank() || written.length() > MAX_LENGTH) {
            return new Phone(written, null, null, false);
        }
        // Swedish extension words, which libphonenumber does not know, read as "ext." (the written text is kept)
        String text = SWEDISH_EXTENSION.matcher(written).replaceAll(" ext. ");
        PhoneNumber number = null;
        try {
            number = UTIL.parse(text, in);
        } catch (NumberParseException e) {
            // looked for inside the text below
        }
        if (number != null && UTIL.isValidNumber(number)) {
            return phone(written, number);
        }
        // a number within other words ("08-123 456 78 (växel)"): the first valid one found
        for (PhoneNumberMatch match : UTIL.findNumbers(text, in, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            return phone(written, match.number());
        }
        boolean isShort = number != null && SHORT.isValidShortNumberForRegion(number, in);
        return new Phone(written, null, null, isShort);
    }

    private static Phone phone(String written, PhoneNumber number) {
        String extension = number.hasExtension() && !number.getExtension().isEmpty() ? number.getExtension() : null;
        return new Phone(written, UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), extension, false);
    }

    /** The {@code tel:} IRI (RFC 3966) of an E.164 number and an extension (may be null). */
    public static String telIri(String e164, String extension) {
        return "tel:" + e164 + (extension == null || extension.isEmpty() ? "" : ";ext=" + extension);
    }

    /**
     * The written number without its trailing extension ({@code (312) 773-1068 ext. 321} → {@code (312) 773-1068}),
     * for formats that give the extension apart (HSDS {@code number} + {@code extension}); the written text
     * unchanged when it does not end with that extension after a known mark.
     */
    public static String withoutExtension(String written, String extension) {
        if (written == null || extension == null || extension.isEmpty()) {
            return written;
        }
        Matcher m = Pattern.compile("^(.*?\\S)\\s*" + EXTENSION_MARK + Pattern.quote(extension) + "\\s*$",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(written);
        return m.matches() ? m.group(1) : written;
    }

    /**
     * Derives {@link #E164} and {@link #EXTENSION} of a canonical {@code contact} from its {@code phone} read in
     * {@code region}. The phone itself is never changed. An extension the source gave apart (its
     * {@code phoneExtension}, e.g. HSDS {@code phones.extension}) is kept when the number has none of its own;
     * any E.164 form sent is replaced; without a valid number neither is kept.
     *
     * @return a plain-language problem when the contact has a phone that is not a valid number in that region,
     *         or an extension that is not digits
     */
    public static Optional<String> derive(ObjectNode contact, String region) {
        String given = contact.path(EXTENSION).isValueNode() ? contact.path(EXTENSION).asText().strip() : null;
        contact.remove(E164);
        contact.remove(EXTENSION);
        JsonNode phone = contact.get("phone");
        if (phone == null || !phone.isTextual()) {
            return given == null ? Optional.empty() : Optional.of("an extension without a phone number; left out");
        }
        Phone read = read(phone.asText(), region);
        if (read.shortNumber()) {
            return Optional.empty();
        }
        if (!read.valid()) {
            return Optional.of("not a valid phone number (read with region "
                    + (region == null || region.isBlank() ? DEFAULT_REGION : region) + "); published as written, without an E.164 form"
                    + (given == null || given.isEmpty() ? "" : " (its extension '" + given + "' is left out with it)"));
        }
        contact.put(E164, read.e164());
        if (read.extension() != null) {
            contact.put(EXTENSION, read.extension());
        } else if (given != null && DIGITS.matcher(given).matches()) {
            contact.put(EXTENSION, given);
        } else if (given != null && !given.isEmpty()) {
            return Optional.of("the extension '" + given + "' is not digits; left out");
        }
        return Optional.empty();
    }
}
