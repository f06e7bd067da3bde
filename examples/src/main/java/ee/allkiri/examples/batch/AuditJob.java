package ee.allkiri.examples.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one audit run looks at and where it writes.
 *
 * @param inputs    containers, or folders searched recursively for {@code .asice}, {@code .bdoc}
 *                  and {@code .sce} files (a rahvaalgatus bundle is one container)
 * @param document  the initiative document the signatures must be on
 * @param from      when the collection opened, or null
 * @param until     the deadline, or null
 * @param minAge    the minimum age on the signing day (16 for national initiatives)
 * @param threshold signatures needed, or null
 * @param outDir    where {@code audit.html} and {@code audit.csv} go (created if missing)
 */
public record AuditJob(List<Path> inputs, Path document, Instant from, Instant until, int minAge, Integer threshold,
                       Path outDir) {

    public AuditJob {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to audit");
        }
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(outDir, "outDir");
    }

    /** A job with the national defaults: no window, minimum age 16, no threshold. */
    public static AuditJob of(List<Path> inputs, Path document, Path outDir) {
        return new AuditJob(inputs, document, null, null, 16, null, outDir);
    }

    /** The same job with a collection window. */
    public AuditJob withWindow(Instant opens, Instant deadline) {
        return new AuditJob(inputs, document, opens, deadline, minAge, threshold, outDir);
    }
}
