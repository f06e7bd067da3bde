package ee.allkiri.cli;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.Provenance;
import ee.allkiri.core.spi.TrustMaterial;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What {@code verify} and {@code audit} share: trust, paths, time, threads, output; and the run
 * itself: the output is checked first, then the trust is loaded, the inputs found, every
 * container verified, and the report written with how it was made.
 */
abstract class ContainerCommand implements Callable<Integer> {

    /** How many unreadable or skipped inputs standard error lists one by one. */
    private static final int LISTED = 20;

    @ParentCommand
    Main main;

    @Mixin
    TrustOptions trust;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}), in any case.")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output."
            + " Checked before anything is verified; a regular file is replaced atomically, keeping its mode;"
            + " a pipe, a device or a symbolic link's target is written in place.")
    Path output;

    @Option(names = "--at", paramLabel = "ISO", description = "Validate at this instant, e.g. 2024-06-01T00:00:00Z,"
            + " or at the start of this day in Tallinn, e.g. 2024-06-01 (default: when the run starts).")
    String at;

    @Option(names = "--threads", paramLabel = "N", description = "Containers verified in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--mask-personal-codes", arity = "0..1", paramLabel = "MASK", parameterConsumer = MaskConsumer.class,
            description = "Print personal codes masked, also inside names and messages: serial (the default,"
                    + " *******5718: no birth date, no sex), last-two (*********18) or none. HTML is masked with"
                    + " serial unless this says otherwise; the other formats print codes in full without it.")
    PersonalCodeMask mask;

    @Option(names = "--summary", description = "With --format text: the counts only (per verdict, finding, token type;"
            + " for an audit per exclusion and day), not a block per container.")
    boolean summary;

    @Option(names = "--csv-separator", paramLabel = "CHAR", description = "With --format csv: the field separator,"
            + " ',' (default) or ';' (for spreadsheets in locales such as Estonian that use a decimal comma).")
    char csvSeparator = ',';

    @Option(names = "--strict-mimetype", description = "A mimetype entry that is not first, compressed or has an extra field, and for .asice/.sce a missing mimetype or one with another media type, is an error (default: a warning; for .bdoc a missing or wrong mimetype is always an error).")
    boolean strictMimetype;

    @Option(names = "--strict-timestamp-c14n", description = "A signature time-stamp over the exclusive canonical form without naming it (as undersign writes them) is an error (default: a warning).")
    boolean strictTimestampC14n;

    @Option(names = "--reject-non-der-certificates", description = "A certificate with a non-minimal INTEGER encoding is an error (default: a warning).")
    boolean rejectNonDer;

    @Option(names = "--require-qualified", description = "With trusted-list trust, a signature the lists show not to be qualified is an error (default: NOT_QUALIFIED is a warning and the signature keeps its indication; audit never counts it).")
    boolean requireQualified;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Longest time the verification of one container may take, e.g. 90s, 45m, 3h or PT3H (default: "
                    + "10 minutes plus 200 ms per signature of the container). Past it the container is LIMIT_TIME.")
    String timeLimit;

    @Option(names = "--full-validation", description = "Let DSS validate every signature instead of using the fast path for the common shape.")
    boolean fullValidation;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Container files, '-' for standard input, or folders:"
            + " searched for .asice, .bdoc and .sce files and for ASiC-E containers by their content; DDOC and ASiC-S"
            + " files are reported as unsupported, other files as skipped.")
    List<Path> paths;

    /** A loaded trust source: the SPEC as given and what it holds. */
    record LoadedSource(String spec, TrustMaterial material) {
    }

    /**
     * What a command makes of the verified containers: the output, the exit code, and what goes
     * to the files of {@link #otherOutputs()} (by path; a file not in the map is not written).
     */
    record Outcome(Output output, int exitCode, Map<Path, ReportTarget.Body> files) {
        Outcome(Output output, int exitCode) {
            this(output, exitCode, Map.of());
        }
    }

    /** Checks the command's own options before anything is read. */
    abstract void checkOptions();

    /** The command's own settings for the verifier (e.g. an OCSP source), given the loaded trust. */
    abstract void adjust(Verifier.Builder builder, TrustMaterial merged);

    /** Called once the inputs are known, before verification (e.g. to find the document in a bundle). */
    abstract void inputsFound(InputScan.Result scan) throws IOException;

    /**
     * Files the command writes besides the report, by the option that names them (e.g. audit's
     * {@code --export-counted}): checked and prepared with {@code --output}, before anything is verified.
     */
    Map<String, Path> otherOutputs() {
        return Map.of();
    }

    /** The command's options and policy for the provenance, after the shared ones. */
    abstract void describeOptions(Map<String, String> options);

    /** The report and exit code of the command. */
    abstract Outcome outcome(Verification.Result verified, InputScan.Result scan);

    @Override
    public final Integer call() throws Exception {
        checkSharedOptions();
        checkOptions();
        Instant validationTime = at == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                : Times.instant("--at", at, false);
        try (ReportTarget target = ReportTarget.prepare(output, main.streams.out());
             OtherTargets others = OtherTargets.prepare(otherOutputs(), output)) {
            List<LoadedSource> sources = loadTrust();
            java.util.Set<Path> own = new java.util.HashSet<>(target.ownFiles());
            own.addAll(others.ownFiles());
            InputScan.Result scan = InputScan.scan(paths, own);
            tellAboutInputs(scan);
            inputsFound(scan);
            ExecutorService signaturePool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
            try {
                Verifier verifier = verifier(sources, validationTime, signaturePool);
                Progress progress = Progress.onTerminal(scan.entries().size());
                Verification.Result verified;
                try {
                    verified = new Verification(verifier, main.streams.in(), ContainerLimits.DEFAULT.maxTotalSize(), progress)
                            .run(scan.entries(), threads);
                } finally {
                    progress.finish();
                }
                tellAboutUnreadable(verified);
                Provenance provenance = provenance(validationTime, sources, verified, scan);
                Outcome outcome = outcome(verified, scan);
                Output shown = Masking.apply(outcome.output().with(provenance, verified.timings()), effectiveMask());
                Rendering rendering = new Rendering(summary, csvSeparator);
                target.write(out -> format.write(shown, rendering, validationTime, out));
                others.write(outcome.files());
                return outcome.exitCode();
            } finally {
                if (signaturePool != null) {
                    signaturePool.shutdownNow();
                }
            }
        }
    }

    private void checkSharedOptions() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        if (summary && format != OutputFormat.text) {
            throw new IllegalArgumentException("--summary applies to --format text only");
        }
        if (csvSeparator != ',' && csvSeparator != ';') {
            throw new IllegalArgumentException("--csv-separator is ',' or ';', not '" + csvSeparator + "'");
        }
        if (csvSeparator != ',' && format != OutputFormat.csv) {
            throw new IllegalArgumentException("--csv-separator applies to --format csv only");
        }
        trust.check();
    }

    /** The mask in force: the option's, or for HTML (a page that gets published) the serial mask. */
    PersonalCodeMask effectiveMask() {
        if (mask != null) {
            return mask;
        }
        return format == OutputFormat.html ? PersonalCodeMask.PUBLISHED : PersonalCodeMask.NONE;
    }

    private List<LoadedSource> loadTrust() throws IOException {
        List<LoadedSource> out = new ArrayList<>();
        List<String> specs = trust.specsInForce();
        List<ee.allkiri.core.spi.TrustSource> sources = trust.sources();
        for (int i = 0; i < sources.size(); i++) {
            out.add(new LoadedSource(specs.get(i), sources.get(i).load()));
        }
        return out;
    }

    private Verifier verifier(List<LoadedSource> sources, Instant validationTime, ExecutorService signaturePool)
            throws IOException {
        Verifier.Builder builder = trust.builder(sources.stream()
                .map(s -> (ee.allkiri.core.spi.TrustSource) new LoadedTrust(s.material())).toList());
        builder.validationTime(validationTime).verifyingThreads(threads); // --threads callers, each with a thread
        if (signaturePool != null) {
            builder.executor(signaturePool);
        }
        if (strictMimetype) {
            builder.strictMimetype();
        }
        if (strictTimestampC14n) {
            builder.strictTimestampCanonicalization();
        }
        if (rejectNonDer) {
            builder.rejectNonDerCertificates();
        }
        if (requireQualified) {
            if (sources.stream().noneMatch(s -> s.material().hasTrustedListData())) {
                throw new IllegalArgumentException("--require-qualified needs trust from trusted lists (e.g. --trust "
                        + "ee-prod): certificates alone say nothing about qualification");
            }
            builder.requireQualified();
        }
        if (timeLimit != null) {
            builder.limits(ContainerLimits.DEFAULT.withTimeBudget(parseDuration("--time-limit", timeLimit)));
        }
        if (fullValidation) {
            builder.fullValidationOnly();
        }
        adjust(builder, TrustMaterial.merge(sources.stream().map(LoadedSource::material).toList()));
        return builder.build();
    }

    private Provenance provenance(Instant validationTime, List<LoadedSource> sources, Verification.Result verified,
                                  InputScan.Result scan) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("command", getClass().getAnnotation(picocli.CommandLine.Command.class).name());
        options.put("validationTimeFrom", at == null ? "the start of the run" : "--at " + at);
        options.put("staleTrust", trust.stalePolicy());
        options.put("strictMimetype", String.valueOf(strictMimetype));
        options.put("strictTimestampC14n", String.valueOf(strictTimestampC14n));
        options.put("rejectNonDerCertificates", String.valueOf(rejectNonDer));
        options.put("requireQualified", String.valueOf(requireQualified));
        options.put("timeLimit", timeLimit == null ? "default (10 minutes plus 200 ms per signature)" : timeLimit);
        options.put("fullValidation", String.valueOf(fullValidation));
        describeOptions(options);
        options.put("personalCodeMask", effectiveMask().optionValue());
        List<Provenance.Trust> trustUsed = sources.stream().map(s -> Provenance.Trust.of(s.spec(), s.material())).toList();
        return new Provenance(Version.number(), validationTime, options, trustUsed, verified.inputs(), scan.skipped());
    }

    PrintWriter err() {
        return main.streams.err();
    }

    /** Standard error: each skipped file and "no containers found". */
    private void tellAboutInputs(InputScan.Result scan) {
        PrintWriter err = err();
        List<Provenance.Skipped> skipped = scan.skipped();
        for (Provenance.Skipped s : skipped.subList(0, Math.min(LISTED, skipped.size()))) {
            err.println("allkiri: skipped " + s.path() + ": " + SkipReasons.describe(s.reason()));
        }
        if (skipped.size() > LISTED) {
            err.println("allkiri: ... and " + (skipped.size() - LISTED) + " more files skipped (the report lists them all)");
        }
        if (scan.nothingFound()) {
            err.println("allkiri: no containers found in " + String.join(", ", paths.stream().map(Path::toString).toList()));
        }
        err.flush();
    }

    /** Standard error: each input that could not be read, and why. */
    private void tellAboutUnreadable(Verification.Result verified) {
        PrintWriter err = err();
        List<Provenance.Input> unreadable = verified.inputs().stream().filter(i -> i.unreadable() != null).toList();
        for (int i = 0; i < Math.min(LISTED, unreadable.size()); i++) {
            Provenance.Input input = unreadable.get(i);
            String reason = verified.reports().stream().filter(r -> r.path().equals(input.path())).findFirst()
                    .flatMap(r -> r.findings().stream().findFirst()).map(f -> f.message()).orElse(input.unreadable().name());
            err.println("allkiri: " + reason + " (not verified)");
        }
        if (unreadable.size() > LISTED) {
            err.println("allkiri: ... and " + (unreadable.size() - LISTED) + " more unreadable inputs (the report lists them all)");
        }
        err.flush();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "allkiri-signature-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Reads {@code --mask-personal-codes [MASK]}: the next argument is its value only when it is a
     * mask's name, so that {@code --mask-personal-codes bundle.asice} keeps working.
     */
    static final class MaskConsumer implements picocli.CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec argSpec,
                                      picocli.CommandLine.Model.CommandSpec commandSpec) {
            PersonalCodeMask value = PersonalCodeMask.PUBLISHED;
            if (!args.isEmpty() && isMask(args.peek())) {
                value = PersonalCodeMask.fromOptionValue(args.pop());
            }
            argSpec.setValue(value);
        }

        static boolean isMask(String s) {
            try {
                PersonalCodeMask.fromOptionValue(s);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** A positive duration: seconds ({@code 90}), a number with a unit ({@code 90s}, {@code 45m}, {@code 3h}) or ISO-8601 ({@code PT3H}). */
    static Duration parseDuration(String option, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            } else {
                char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
                long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
                d = switch (unit) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> {
                        if (!Character.isDigit(unit)) {
                            throw new NumberFormatException(value);
                        }
                        yield Duration.ofSeconds(n);
                    }
                };
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " expects a duration such as 90s, 45m, 3h or PT3H, not '" + value + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than zero, not '" + value + "'");
        }
        return d;
    }

    /** The prepared files of {@link #otherOutputs()}: none may be {@code --output} or another of them. */
    private static final class OtherTargets implements java.io.Closeable {
        private final Map<Path, ReportTarget> targets = new LinkedHashMap<>();

        static OtherTargets prepare(Map<String, Path> files, Path output) throws IOException {
            OtherTargets out = new OtherTargets();
            java.util.Set<Path> seen = new java.util.HashSet<>();
            if (output != null) {
                seen.add(output.toAbsolutePath().normalize());
            }
            try {
                for (Map.Entry<String, Path> e : files.entrySet()) {
                    if (!seen.add(e.getValue().toAbsolutePath().normalize())) {
                        throw new IllegalArgumentException(e.getKey() + " " + e.getValue() + " is also where another"
                                + " output goes");
                    }
                    out.targets.put(e.getValue(), ReportTarget.prepare(e.getKey(), e.getValue()));
                }
            } catch (IOException | RuntimeException e) {
                out.close();
                throw e;
            }
            return out;
        }

        java.util.Set<Path> ownFiles() {
            java.util.Set<Path> own = new java.util.HashSet<>();
            targets.values().forEach(t -> own.addAll(t.ownFiles()));
            return own;
        }

        void write(Map<Path, ReportTarget.Body> bodies) throws IOException {
            for (Map.Entry<Path, ReportTarget.Body> e : bodies.entrySet()) {
                ReportTarget target = targets.get(e.getKey());
                if (target == null) {
                    throw new IllegalStateException("no prepared output for " + e.getKey());
                }
                target.write(e.getValue());
            }
        }

        @Override
        public void close() {
            targets.values().forEach(ReportTarget::close);
        }
    }
}
