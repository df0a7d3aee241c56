package se.insatsnavet.connectors.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A federation descriptor that cannot be used. The message has one line per problem, each naming the file
 * and the failing field: {@code centrala-ostergotland/federation.json: sources[0].kind: required property 'kind' not found}.
 */
public class DescriptorException extends Exception {

    private final String file;
    private final List<String> problems;

    /**
     * @param file     the descriptor as shown to people (e.g. {@code centrala-ostergotland/federation.json})
     * @param problems {@code "<field>: <reason>"} per problem
     */
    public DescriptorException(String file, List<String> problems) {
        this(file, problems, null);
    }

    public DescriptorException(String file, List<String> problems, Throwable cause) {
        super(problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The descriptor as shown to people, e.g. {@code centrala-ostergotland/federation.json}. */
    public String file() {
        return file;
    }

    /** One {@code "<field>: <reason>"} per problem, without the file. */
    public List<String> problems() {
        return problems;
    }
}
