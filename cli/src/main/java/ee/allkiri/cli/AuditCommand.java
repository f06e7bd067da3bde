package ee.allkiri.cli;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.RegisterList;
import ee.allkiri.core.spi.TrustMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code allkiri audit}: how many distinct, eligible people validly signed the initiative
 * document inside the collection window, and why every other signature does not count.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit signature bundles for an initiative: one person counts once, in the window, old enough.",
                "Exit 0 when the threshold (if given) is reached and every input could be read, 1 when not, 2 on a"
                        + " usage error, when the report cannot be written, or when the count could not be completed (a"
                        + " container ran past the time budget)."})
final class AuditCommand extends ContainerCommand {

    /** The oldest minimum age accepted: older than anyone alive. */
    static final int MAX_MIN_AGE = 120;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static final class Document {
        @Option(names = "--document", paramLabel = "FILE", required = true, description = "The initiative document.")
        Path file;

        @Option(names = "--document-sha256", paramLabel = "HEX", required = true,
                description = "SHA-256 of the initiative document (64 hex digits), instead of the file.")
        String sha256;

        @Option(names = "--document-in-bundle", paramLabel = "NAME", required = true,
                description = "Take the document from the containers: their data file NAME. Every container holding it"
                        + " must hold the same bytes.")
        String inBundle;

        @Option(names = "--document-from-bundle", required = true,
                description = "Take the document from the containers: their one data file (the same bytes in each).")
        boolean fromBundle;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Document document;

    @Option(names = "--from", paramLabel = "ISO", description = "Start of the collection window (inclusive): an instant or a date (from its 00:00 Tallinn time).")
    String from;

    @Option(names = "--until", paramLabel = "ISO", description = "End of the collection window (inclusive): an instant or a date (through its end: up to the next day's 00:00 Tallinn time, exclusive).")
    String until;

    @Option(names = "--min-age", paramLabel = "YEARS", defaultValue = "16", description = "Minimum age on the signing day, 0 to 120 (default ${DEFAULT-VALUE}).")
    int minAge;

    @Option(names = "--threshold", paramLabel = "N", description = "Signatures needed, e.g. 1000.")
    Integer threshold;

    @Option(names = "--token-types", split = ",", paramLabel = "TYPE",
            description = "Eligible token types (default ID_CARD,DIGI_ID,MOBILE_ID,SMART_ID).")
    List<TokenType> tokenTypes;

    @Option(names = "--countries", split = ",", paramLabel = "CC", description = "Eligible personal-code countries as ISO 3166 two-letter codes (default EE).")
    List<String> countries;

    @Option(names = "--accept-test-certificates", description = "Count TEST certificates (for rehearsals; never for a real count).")
    boolean acceptTest;

    @Option(names = "--export-counted", paramLabel = "FILE",
            description = "Also write the counted signers' personal codes to FILE for the population-register query:"
                    + " one per line, sorted, in full (personal data). Not written when the count could not be completed.")
    Path exportCounted;

    @Option(names = "--residents", paramLabel = "FILE",
            description = "The population register's answer: the personal codes it confirmed as eligible, one per line"
                    + " ('#' comments and blank lines allowed). A signer who would count but is not in it is"
                    + " NOT_IN_REGISTER; the report records the file's name, SHA-256 and number of codes.")
    Path residents;

    private AuditPolicy policy;
    private String documentSource;
    private RegisterList register;

    @Override
    void checkOptions() {
        if (document.sha256 != null) {
            String hex = document.sha256.strip();
            if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("--document-sha256 expects the document's SHA-256 as 64 hex digits, not '"
                        + document.sha256 + "'");
            }
        }
        if (minAge < 0 || minAge > MAX_MIN_AGE) {
            throw new IllegalArgumentException("--min-age expects full years from 0 to " + MAX_MIN_AGE + ", not " + minAge);
        }
        if (threshold != null && threshold < 0) {
            throw new IllegalArgumentException("--threshold expects a number of signatures, not " + threshold);
        }
        if (countries != null) {
            for (String c : countries) {
                if (!COUNTRIES.contains(c.strip().toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("--countries expects ISO 3166 two-letter country codes such as EE,"
                            + " not '" + c + "'");
                }
            }
        }
        if (from != null && until != null
                && Times.instant("--from", from, false).isAfter(Times.instant("--until", until, true))) {
            throw new IllegalArgumentException("--from " + from + " is after --until " + until);
        }
        if (residents != null) {
            register = readRegister(residents);
        }
        if (from == null && until == null) {
            err().println("allkiri: warning: no collection window (--from, --until): signatures of any date count");
            err().flush();
        }
    }

    /** The register's answer, or a usage error naming the file and the first malformed line. */
    private static RegisterList readRegister(Path file) {
        try {
            return RegisterList.read(file);
        } catch (RegisterList.MalformedLineException e) {
            throw new IllegalArgumentException("--residents " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--residents " + file + ": " + Problems.reason(e));
        }
    }

    @Override
    Map<String, Path> otherOutputs() {
        return exportCounted == null ? Map.of() : Map.of("--export-counted", exportCounted);
    }

    @Override
    void adjust(Verifier.Builder builder, TrustMaterial merged) {
        // the audit verifies as verify does offline
    }

    @Override
    void inputsFound(InputScan.Result scan) throws IOException {
        String sha256;
        if (document.sha256 != null) {
            sha256 = document.sha256.strip().toLowerCase(Locale.ROOT);
            documentSource = "--document-sha256";
        } else if (document.file != null) {
            sha256 = Verification.Digest.of(document.file).sha256();
            documentSource = "--document " + document.file.getFileName();
        } else {
            BundleDocument found = BundleDocument.find(scan.entries(), document.inBundle == null ? "" : document.inBundle);
            sha256 = found.sha256();
            documentSource = (document.fromBundle ? "--document-from-bundle: " : "--document-in-bundle: ") + found.name();
            err().println("allkiri: the document is " + found.name() + " in the bundle, SHA-256 " + sha256);
            err().flush();
        }
        AuditPolicy p = AuditPolicy.forDocument(sha256)
                .withWindow(from == null ? null : Times.instant("--from", from, false),
                        until == null ? null : Times.instant("--until", until, true))
                .withMinimumAge(minAge)
                .withThreshold(threshold);
        if (tokenTypes != null) {
            p = p.withEligibleTokens(Set.copyOf(tokenTypes));
        }
        if (countries != null) {
            Set<String> upper = new LinkedHashSet<>();
            countries.forEach(c -> upper.add(c.strip().toUpperCase(Locale.ROOT)));
            p = p.withEligibleCountries(upper);
        }
        if (acceptTest) {
            p = p.acceptingTestCertificates();
        }
        if (register != null) {
            p = p.withResidents(register.codes());
        }
        policy = p;
    }

    @Override
    void describeOptions(Map<String, String> options) {
        options.put("revocation", "offline");
        options.put("document", documentSource);
        options.put("documentSha256", policy.documentSha256());
        options.put("from", policy.from() == null ? "none" : policy.from().toString());
        options.put("until", policy.until() == null ? "none" : policy.until().toString());
        options.put("minimumAge", String.valueOf(policy.minimumAge()));
        options.put("threshold", policy.threshold() == null ? "none" : String.valueOf(policy.threshold()));
        options.put("eligibleTokens", policy.eligibleTokens().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        options.put("eligibleCountries", policy.eligibleCountries().stream().sorted().collect(Collectors.joining(",")));
        options.put("acceptTest", String.valueOf(policy.acceptTest()));
        options.put("zone", policy.zone().getId());
        if (register == null) {
            options.put("residents", "none");
        } else {
            options.put("residents", String.valueOf(residents.getFileName()));
            options.put("residentsSha256", register.sha256());
            options.put("residentsCodes", String.valueOf(register.codes().size()));
        }
        options.put("exportCounted", exportCounted == null ? "none" : String.valueOf(exportCounted.getFileName()));
    }

    @Override
    Outcome outcome(Verification.Result verified, InputScan.Result scan) {
        AuditReport report = Audit.of(verified.reports(), policy);
        boolean allRead = verified.inputs().stream().allMatch(i -> i.unreadable() == null);
        boolean ok = report.summary().thresholdReached() && allRead && !scan.nothingFound();
        if (!allRead) {
            err().println("allkiri: the count is incomplete: " + verified.inputs().stream().filter(i -> i.unreadable() != null)
                    .count() + " input(s) could not be read");
            err().flush();
        }
        if (!report.summary().complete()) {
            err().println("allkiri: the count could not be completed: " + incomplete(report)
                    + (exportCounted == null ? "" : "; --export-counted " + exportCounted + " not written"));
            err().flush();
            return new Outcome(Output.of(report), Main.ERROR);
        }
        Map<Path, ReportTarget.Body> files = exportCounted == null ? Map.of()
                : Map.of(exportCounted, out -> writeCodes(report.countedPersonalCodes(), out));
        return new Outcome(Output.of(report), ok ? Main.OK : Main.FAILED, files);
    }

    /** One code a line, UTF-8, LF line ends. */
    private static void writeCodes(List<String> codes, java.io.OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(codes.size() * 12);
        codes.forEach(c -> text.append(c).append('\n'));
        out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One line: which containers ran past their time budget, and what to do about it. */
    private String incomplete(AuditReport report) {
        List<String> paths = report.summary().incomplete();
        return (paths.size() == 1 ? paths.get(0) + " ran" : paths.size() + " containers (" + String.join(", ", paths) + ") ran")
                + " past the time budget (LIMIT_TIME"
                + (timeLimit == null ? ": " + ContainerLimits.DEFAULT.timeBudget() + " + "
                        + ContainerLimits.DEFAULT.timeBudgetPerSignature() + " per signature" : ": " + timeLimit + " per container")
                + "); give more with --time-limit";
    }
}
