package se.insatsnavet.connectors.read;

import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.util.List;

/** What a format reader produced from a file's text. */
public final class RecordReader {

    private RecordReader() {
    }

    public record Result(List<RawRecord> records, List<SourceProblem> problems) {
    }
}
