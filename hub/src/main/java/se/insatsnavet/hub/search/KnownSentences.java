package se.insatsnavet.hub.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sentence boundaries the highlighter's passages follow ({@code BreakIterator.getSentenceInstance(Locale.ROOT)},
 * the highlighter's default), found once when a description is indexed (doc value {@code sentences}) and read
 * for the page's descriptions, instead of found again around every match of every search: the JDK's
 * iterator scans the text character by character, backwards to a safe point and forwards again, for each
 * {@code preceding} and {@code following} (a sixth of a distinct search's work). A text whose boundaries
 * are not known (or not for its length) is iterated by the JDK's as before.
 */
final class KnownSentences extends BreakIterator {
    private final Map<String, int[]> known;
    private BreakIterator other;
    private String text = "";
    private int[] breaks = {0};
    private int at;

    KnownSentences(Map<String, int[]> known) {
        this.known = known;
    }

    /** The boundaries of {@code text}'s sentences after the first (0), as differences, each a variable-length int. */
    static BytesRef encode(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int last = sentences.first();
        for (int b = sentences.next(); b != DONE; b = sentences.next()) {
            int delta = b - last;
            while ((delta & ~0x7F) != 0) {
                out.write((delta & 0x7F) | 0x80);
                delta >>>= 7;
            }
            out.write(delta);
            last = b;
        }
        return new BytesRef(out.toByteArray());
    }

    /** The boundaries stored for document {@code doc} (0 first), null if it has none. */
    static int[] read(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), "sentences");
        if (!values.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        BytesRef bytes = values.binaryValue();
        int[] out = new int[bytes.length + 1];
        int n = 1;
        int last = 0;
        for (int i = bytes.offset, end = bytes.offset + bytes.length; i < end; ) {
            int delta = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes.bytes[i++];
                delta |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            last += delta;
            out[n++] = last;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public void setText(String newText) {
        int[] b = known.get(newText);
        text = newText;
        if (b != null && b[b.length - 1] == newText.length()) {
            other = null;
            breaks = b;
            at = 0;
        } else {
            if (other == null) {
                other = BreakIterator.getSentenceInstance(Locale.ROOT);
            }
            other.setText(newText);
        }
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder chars = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars.append(c);
        }
        setText(chars.toString());
    }

    @Override
    public CharacterIterator getText() {
        return other != null ? other.getText() : new StringCharacterIterator(text, 0, text.length(), current());
    }

    @Override
    public int first() {
        if (other != null) {
            return other.first();
        }
        at = 0;
        return breaks[0];
    }

    @Override
    public int last() {
        if (other != null) {
            return other.last();
        }
        at = breaks.length - 1;
        return breaks[at];
    }

    @Override
    public int next(int n) {
        if (other != null) {
            return other.next(n);
        }
        int result = current();
        for (; n > 0 && result != DONE; n--) {
            result = next();
        }
        for (; n < 0 && result != DONE; n++) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        if (other != null) {
            return other.next();
        }
        if (at >= breaks.length - 1) {
            return DONE;
        }
        return breaks[++at];
    }

    @Override
    public int previous() {
        if (other != null) {
            return other.previous();
        }
        if (at <= 0) {
            return DONE;
        }
        return breaks[--at];
    }

    @Override
    public int following(int offset) {
        if (other != null) {
            return other.following(offset);
        }
        check(offset);
        int i = Arrays.binarySearch(breaks, offset);
        i = i >= 0 ? i + 1 : -i - 1; // the first boundary after offset
        if (i >= breaks.length) {
            at = breaks.length - 1;
            return DONE;
        }
        at = i;
        return breaks[i];
    }

    @Override
    public int preceding(int offset) {
        if (other != null) {
            return other.preceding(offset);
        }
        check(offset);
        int i = Arrays.binarySearch(breaks, offset);
        i = (i >= 0 ? i : -i - 1) - 1; // the last boundary before offset
        if (i < 0) {
            at = 0;
            return DONE;
        }
        at = i;
        return breaks[i];
    }

    @Override
    public int current() {
        return other != null ? other.current() : breaks[at];
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset out of bounds");
        }
    }
}
