package se.insatsnavet.connectors.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text: declared charset, or detection (BOM, valid UTF-8, else windows-1252). */
public final class TextDecoder {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The encoding value that asks for detection. */
    public static final String AUTO = "auto";

    private TextDecoder() {
    }

    public static String decode(byte[] bytes, String encoding) {
        String text;
        if (encoding == null || AUTO.equalsIgnoreCase(encoding)) {
            text = detect(bytes);
        } else {
            text = new String(bytes, Charset.forName(encoding));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String detect(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
