package org.cortexj.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed reference vector file: its family, its header (such as {@code reference} and
 * {@code notes}) and its cases in file order.
 */
public final class ReferenceFile {

    private final Path path;
    private final String family;
    private final ObjectNode header;
    private final List<ReferenceCase> cases;

    ReferenceFile(Path path, String family, ObjectNode header, List<ReferenceCase> cases) {
        this.path = path;
        this.family = family;
        this.header = header;
        this.cases = List.copyOf(cases);
    }

    public Path path() {
        return path;
    }

    /**
     * Returns the {@code family} member, or an empty string when absent. It groups cases and never
     * selects a handler.
     */
    public String family() {
        return family;
    }

    /** Returns a copy of every top-level member except {@code cases}. */
    public ObjectNode header() {
        return header.deepCopy();
    }

    public List<ReferenceCase> cases() {
        return cases;
    }

    @Override
    public String toString() {
        return path.getFileName() + " (" + cases.size() + " cases)";
    }
}
