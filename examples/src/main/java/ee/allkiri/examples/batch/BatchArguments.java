package ee.allkiri.examples.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Parsed command line: the trust specification, the validation time (null: now) and the job. */
record BatchArguments(String trust, Instant at, AuditJob job) {

    static BatchArguments parse(String[] args) {
        String trust = "ee-prod";
        Path document = null;
        Path out = null;
        Instant from = null;
        Instant until = null;
        Integer threshold = null;
        Instant at = null;
        int minAge = 16;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                inputs.add(Path.of(arg));
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--trust" -> trust = value;
                case "--document" -> document = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--from" -> from = Instant.parse(value);
                case "--until" -> until = Instant.parse(value);
                case "--threshold" -> threshold = Integer.valueOf(value);
                case "--min-age" -> minAge = Integer.parseInt(value);
                case "--at" -> at = Instant.parse(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (document == null || out == null) {
            throw new IllegalArgumentException(AuditorBatch.USAGE);
        }
        AuditJob job = new AuditJob(inputs, document, from, until, minAge, threshold, out);
        return new BatchArguments(trust, at, job);
    }
}
