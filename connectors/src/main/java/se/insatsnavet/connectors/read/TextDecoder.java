package se.insatsnavet.connectors.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
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

    /**
     * A reader of a stream's text, decoding as it goes, as {@link #decode} decodes: the declared charset, or for
     * {@code auto} a byte order mark's charset, else UTF-8; a leading byte order mark is skipped. Without a byte order
     * mark, {@code auto} decodes strictly: bytes that are not UTF-8 make a read throw a
     * {@link java.nio.charset.CharacterCodingException}, and the caller reads the stream again as windows-1252
     * ({@link #WINDOWS_1252}), as {@link #decode} does.
     */
    public static Reader reader(InputStream in, String encoding) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        Reader reader;
        if (encoding == null || AUTO.equalsIgnoreCase(encoding)) {
            buffered.mark(3);
            byte[] head = buffered.readNBytes(3);
            buffered.reset();
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                buffered.skipNBytes(3);
                reader = new InputStreamReader(buffered, StandardCharsets.UTF_8);
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                buffered.skipNBytes(2);
                reader = new InputStreamReader(buffered, StandardCharsets.UTF_16BE);
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                buffered.skipNBytes(2);
                reader = new InputStreamReader(buffered, StandardCharsets.UTF_16LE);
            } else {
                reader = new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
            }
        } else {
            reader = new InputStreamReader(buffered, Charset.forName(encoding));
        }
        PushbackReader skipping = new PushbackReader(reader, 1);
        int first = skipping.read();
        if (first >= 0 && first != '\uFEFF') {
            skipping.unread(first);
        }
        return skipping;
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
