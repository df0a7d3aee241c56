package se.insatsnavet.connectors.file;

import org.apache.camel.Category;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.read.CsvRecordReader;
import se.insatsnavet.connectors.read.JsonRecordReader;
import se.insatsnavet.connectors.read.RecordReader;
import se.insatsnavet.connectors.read.TextDecoder;
import se.insatsnavet.connectors.read.XlsxRecordReader;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceHeaders;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code insats-file:<federationId>/<sourceId>?path=...&format=csv}: reads a local CSV, JSON, NDJSON or Excel .xlsx file
 * into a {@link SourceBatch}. The fingerprint is the SHA-256 of the file's bytes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = FileSourceComponent.SCHEME, title = "Insatsnavet file source",
        syntax = "insats-file:federationId/sourceId", category = {Category.FILE},
        headersClass = SourceHeaders.class)
public class FileSourceEndpoint extends SourceEndpoint {

    /** Value of {@code encoding} that detects the charset. */
    public static final String AUTO = TextDecoder.AUTO;

    @UriParam(description = "The file to read, or a drop folder whose files are all read; relative paths resolve against baseDirectory (or the working directory)")
    @Metadata(required = true)
    private String path;

    @UriParam(enums = "csv,json,ndjson,xlsx",
            description = "Format of the file; when unset, taken from the extension (.csv/.tsv/.txt, .json, .ndjson/.jsonl, .xlsx)")
    private FileFormat format;

    @UriParam(label = "csv",
            description = "CSV delimiter: one character, or TAB; when unset, detected among ; , TAB | from the header line")
    private String delimiter;

    @UriParam(defaultValue = AUTO,
            description = "Charset of the file: auto (a BOM, or valid UTF-8, means UTF-8; otherwise windows-1252) or a charset name")
    private String encoding = AUTO;

    @UriParam(label = "json",
            description = "Dot path to the array of records inside a JSON document, e.g. data.services; empty: the root array")
    private String recordPath;

    @UriParam(label = "xlsx", description = "Name of the sheet to read from an .xlsx workbook; default: the first sheet")
    private String sheet;

    @UriParam(label = "security",
            description = "If set, path must resolve inside this directory; .. and absolute paths that escape it are rejected")
    private String baseDirectory;

    public FileSourceEndpoint(String endpointUri, FileSourceComponent component) {
        super(endpointUri, component);
    }

    @Override
    public FileSourceComponent getComponent() {
        return (FileSourceComponent) super.getComponent();
    }

    /** Fails fast on a missing path, an unknown charset, a bad delimiter or a path outside the base directory. */
    void checkConfiguration() {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("insats-file: option 'path' is required");
        }
        if (!AUTO.equalsIgnoreCase(encoding) && !Charset.isSupported(encoding)) {
            throw new IllegalArgumentException("insats-file: unknown encoding '" + encoding + "'");
        }
        if (delimiter != null) {
            CsvRecordReader.delimiterOf(delimiter);
        }
        resolveFile();
    }

    /**
     * The size and modification time of the file (or of every file of a drop folder, and the folder's listing):
     * while they stay the same, a watching consumer does not read the file again.
     */
    @Override
    public String changeToken() throws IOException {
        Path file = resolveFile();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        StringBuilder token = new StringBuilder();
        if (attributes.isDirectory()) {
            try (var files = Files.list(file)) {
                for (Path f : files.sorted().toList()) {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    token.append(f.getFileName()).append(':').append(a.size()).append(':').append(a.lastModifiedTime()).append('|');
                }
            }
        } else {
            // one stat() per check: the watch checks often, so a check must stay cheap
            token.append(attributes.size()).append(':').append(attributes.lastModifiedTime());
        }
        return token.toString();
    }

    /** The file's modification time; for a drop folder the latest of the folder's and its files'. */
    @Override
    protected long lastModifiedMillis() throws IOException {
        Path file = resolveFile();
        try {
            long latest = Files.getLastModifiedTime(file).toMillis();
            if (Files.isDirectory(file)) {
                try (var files = Files.list(file)) {
                    for (Path f : files.toList()) {
                        latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
                    }
                }
            }
            return latest;
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * The file this endpoint reads, absolute and normalised, after the base-directory check.
     *
     * @throws IllegalArgumentException if the path escapes the effective base directory
     */
    public Path resolveFile() {
        Path base = effectiveBaseDirectory();
        Path requested;
        try {
            requested = Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("insats-file: invalid path '" + path + "': " + e.getMessage(), e);
        }
        if (base == null) {
            return requested.toAbsolutePath().normalize();
        }
        Path resolved = base.resolve(requested).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("insats-file: path '" + path + "' resolves to " + resolved
                    + ", outside the base directory " + base + " (path traversal rejected)");
        }
        return resolved;
    }

    private Path effectiveBaseDirectory() {
        Path componentBase = getComponent().getBaseDirectory() == null ? null
                : Path.of(getComponent().getBaseDirectory()).toAbsolutePath().normalize();
        if (baseDirectory == null || baseDirectory.isBlank()) {
            return componentBase;
        }
        Path own = componentBase == null ? Path.of(baseDirectory).toAbsolutePath().normalize()
                : componentBase.resolve(baseDirectory).normalize();
        if (componentBase != null && !own.startsWith(componentBase)) {
            throw new IllegalArgumentException("insats-file: baseDirectory '" + baseDirectory
                    + "' lies outside the component's base directory " + componentBase + " (path traversal rejected)");
        }
        return own;
    }

    /** After {@link #resolveFile()}: a symbolic link must not lead out of the base directory either. */
    private void checkRealPath(Path file) throws IOException {
        Path base = effectiveBaseDirectory();
        if (base != null && Files.exists(base) && !file.toRealPath().startsWith(base.toRealPath())) {
            throw new IllegalArgumentException("insats-file: " + file + " links outside the base directory " + base
                    + " (path traversal rejected)");
        }
    }

    /**
     * Reads the file, or, when {@code path} is a drop folder, every file in it whose format is known (by the
     * {@code format} option or the extension), in name order, each record's locator starting with its file name.
     */
    @Override
    public SourceBatch read() throws Exception {
        // the token before the read: a file changed during the read has another token afterwards, and is read again
        String token = changeToken();
        SourceBatch batch = readNow();
        String after = changeToken();
        if (token != null && !token.equals(after)) {
            // written to while it was read: what was read may be half of it, and must not be taken for the catalogue
            throw new IOException("insats-file: " + resolveFile() + " changed while it was read (size and modification"
                    + " time " + token + " before, " + after + " after): nothing of this read is imported; it is read"
                    + " again once it stays the same");
        }
        lastRead = token == null ? null : new ReadMark(token, batch.fingerprint());
        return batch;
    }

    /** The change token taken before this endpoint's last read, and that read's fingerprint. */
    private record ReadMark(String token, String fingerprint) {
    }

    private volatile ReadMark lastRead;

    /** The last read's fingerprint while the file's (or drop folder's) size and modification times are unchanged since. */
    @Override
    public String unchangedFingerprint() throws IOException {
        ReadMark mark = lastRead;
        return mark != null && mark.token().equals(changeToken()) ? mark.fingerprint() : null;
    }

    private SourceBatch readNow() throws Exception {
        Path target = resolveFile();
        Instant fetchedAt = Instant.now();
        if (!Files.isDirectory(target)) {
            Read one = readFile(target);
            return new SourceBatch(getFederationId(), getSourceId(), one.result().records(), one.result().problems(),
                    one.fingerprint(), fetchedAt);
        }
        checkRealPath(target);
        List<Path> files;
        try (Stream<Path> list = Files.list(target)) {
            files = list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> format != null || FileFormat.ofFileName(f.getFileName().toString()) != null)
                    .sorted().toList();
        }
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        StringBuilder fingerprints = new StringBuilder();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Read one = readFile(file);
            one.result().records().forEach(r -> records.add(new RawRecord(name + " " + r.locator(), r.fields())));
            one.result().problems().forEach(p -> problems.add(new SourceProblem(name + " " + p.locator(), p.field(), p.message())));
            fingerprints.append(name).append('=').append(one.fingerprint()).append('\n');
        }
        return new SourceBatch(getFederationId(), getSourceId(), records, problems,
                SourceBatch.fingerprintOf(fingerprints.toString()), fetchedAt);
    }

    /** One file read: the SHA-256 fingerprint of its bytes and its records. */
    private record Read(String fingerprint, RecordReader.Result result) {
    }

    private Read readFile(Path file) throws Exception {
        FileFormat effectiveFormat = format != null ? format : FileFormat.ofFileName(file.getFileName().toString());
        if (effectiveFormat != FileFormat.CSV) {
            byte[] bytes = readAll(file);
            if (effectiveFormat == null) {
                throw new IllegalArgumentException("insats-file: cannot tell the format of " + file
                        + " from its name; set the option format=csv|json|ndjson|xlsx");
            }
            String text = effectiveFormat == FileFormat.XLSX ? null : TextDecoder.decode(bytes, encoding);
            try {
                return new Read(SourceBatch.fingerprintOf(bytes), switch (effectiveFormat) {
                    case JSON -> JsonRecordReader.readDocument(text, recordPath);
                    case NDJSON -> JsonRecordReader.readLines(text);
                    case XLSX -> XlsxRecordReader.read(bytes, sheet);
                    case CSV -> throw new IllegalStateException("CSV is read as it streams");
                });
            } catch (IOException e) {
                throw parseFailure(file, effectiveFormat, e);
            }
        }
        try {
            return readCsv(file, encoding);
        } catch (CharacterCodingException notUtf8) {
            // auto: without a byte order mark, bytes that are not UTF-8 mean windows-1252 (as TextDecoder.decode)
            return readCsv(file, TextDecoder.WINDOWS_1252.name());
        }
    }

    /**
     * Reads a CSV file as it streams (never the whole text in memory), hashing its bytes on the way. A
     * {@link CharacterCodingException} means bytes that are not UTF-8 under {@code auto}.
     */
    private Read readCsv(Path file, String charset) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        RecordReader.Result result;
        try (InputStream in = new DigestInputStream(open(file), digest)) {
            checkRealPath(file);
            try {
                result = CsvRecordReader.read(TextDecoder.reader(in, charset),
                        delimiter == null ? null : CsvRecordReader.delimiterOf(delimiter));
            } catch (CharacterCodingException notUtf8) {
                throw notUtf8;
            } catch (IOException e) {
                throw parseFailure(file, FileFormat.CSV, e);
            }
            in.transferTo(OutputStream.nullOutputStream()); // the fingerprint covers every byte
        }
        return new Read(SourceBatch.fingerprintOf(digest), result);
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException("insats-file: source file not found: " + file, e);
        } catch (IOException e) {
            throw new IOException("insats-file: cannot read " + file + ": " + e, e);
        }
    }

    private byte[] readAll(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("insats-file: source file not found: " + file, e);
        } catch (IOException e) {
            throw new IOException("insats-file: cannot read " + file + ": " + e, e);
        }
        checkRealPath(file);
        return bytes;
    }

    private static IOException parseFailure(Path file, FileFormat format, IOException e) {
        return new IOException("insats-file: cannot parse " + file + " as " + format.name().toLowerCase(Locale.ROOT)
                + ": " + e.getMessage(), e);
    }

    public String getPath() {
        return path;
    }

    /** The file to read; relative paths resolve against baseDirectory (or the working directory). */
    public void setPath(String path) {
        this.path = path;
    }

    public FileFormat getFormat() {
        return format;
    }

    /** Format of the file: csv, json, ndjson or xlsx. */
    public void setFormat(FileFormat format) {
        this.format = format;
    }

    public String getDelimiter() {
        return delimiter;
    }

    /** CSV delimiter: one character, or TAB; when unset, detected from the header line. */
    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getEncoding() {
        return encoding;
    }

    /** Charset of the file: auto or a charset name. */
    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public String getRecordPath() {
        return recordPath;
    }

    /** Dot path to the array of records inside a JSON document. */
    public void setRecordPath(String recordPath) {
        this.recordPath = recordPath;
    }

    public String getSheet() {
        return sheet;
    }

    /** Name of the sheet to read from an .xlsx workbook; default: the first sheet. */
    public void setSheet(String sheet) {
        this.sheet = sheet;
    }

    public String getBaseDirectory() {
        return baseDirectory;
    }

    /** If set, path must resolve inside this directory. */
    public void setBaseDirectory(String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }
}
