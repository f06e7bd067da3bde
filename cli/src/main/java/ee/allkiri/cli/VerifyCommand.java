package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.spi.TrustMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code allkiri verify}: the verdict on each container, in the chosen format. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify containers. Exit 0 when every container is valid, 1 when any is not, 2 on error.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    TrustOptions trust;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "Validate at this instant, e.g. 2024-06-01T00:00:00Z.")
    String at;

    @Option(names = "--threads", paramLabel = "N", description = "Containers verified in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--offline", description = "Use only the revocation data inside the signatures (the default).")
    boolean offline;

    @Mixin
    OnlineOptions online;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Container files or directories (searched for .asice, .bdoc, .sce).")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        if (offline && online.online) {
            throw new IllegalArgumentException("--offline and --online exclude each other");
        }
        online.check();
        if (online.online && at != null) {
            throw new IllegalArgumentException("--online asks about the status now; it cannot be combined with --at");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        List<Path> files = ContainerFiles.expand(paths);
        Verifier.Builder builder = Verifier.builder();
        if (online.online) {
            TrustMaterial material = LoadedTrust.load(trust.sources());
            builder.trust(new LoadedTrust(material)).revocationSource(online.source(material));
        } else {
            trust.sources().forEach(builder::trust);
        }
        if (at != null) {
            builder.validationTime(parseInstant(at));
        }
        Verifier verifier = builder.build();
        VerificationReport report = new VerificationReport(verifyAll(verifier, files));
        write(report);
        return report.allValid() ? Main.OK : Main.FAILED;
    }

    private List<ContainerReport> verifyAll(Verifier verifier, List<Path> files) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())));
        try {
            List<Future<ContainerReport>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> verifier.verify(file)));
            }
            List<ContainerReport> reports = new ArrayList<>();
            for (Future<ContainerReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(VerificationReport report) throws IOException {
        if (output == null) {
            PrintStream out = System.out;
            format.write(report, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".allkiri", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            format.write(report, out);
        }
        Files.move(temp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at expects an ISO-8601 instant such as 2024-06-01T00:00:00Z, not '" + value + "'");
        }
    }
}
