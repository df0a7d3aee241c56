package se.insatsnavet.connectors.file;

import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.util.List;

/** What a format reader produced from a file's text. */
final class RecordReader {

    private RecordReader() {
    }

    record Result(List<RawRecord> records, List<SourceProblem> problems) {
    }
}
