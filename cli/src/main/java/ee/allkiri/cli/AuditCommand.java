package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.container.ContainerLimits;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code allkiri audit}: how many distinct, eligible people validly signed the initiative
 * document inside the collection window, and why every other signature does not count.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit signature bundles for an initiative: one person counts once, in the window, old enough.",
                "Exit 0 when the threshold (if given) is reached, 1 when not, 2 on error or when the count could not be "
                        + "completed (a container ran past the time budget)."})
final class AuditCommand extends ContainerCommand implements Callable<Integer> {

    static final class Document {
        @Option(names = "--document", paramLabel = "FILE", required = true, description = "The initiative document.")
        Path file;

        @Option(names = "--document-sha256", paramLabel = "HEX", required = true,
                description = "SHA-256 of the initiative document, instead of the file.")
        String sha256;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Document document;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "ISO", description = "Start of the collection window (inclusive): an instant or a date (from its 00:00 Tallinn time).")
    String from;

    @Option(names = "--until", paramLabel = "ISO", description = "End of the collection window (inclusive): an instant or a date (through its end: up to the next day's 00:00 Tallinn time, exclusive).")
    String until;

    @Option(names = "--min-age", paramLabel = "YEARS", defaultValue = "16", description = "Minimum age on the signing day (default ${DEFAULT-VALUE}).")
    int minAge;

    @Option(names = "--threshold", paramLabel = "N", description = "Signatures needed, e.g. 1000.")
    Integer threshold;

    @Option(names = "--token-types", split = ",", paramLabel = "TYPE",
            description = "Eligible token types (default ID_CARD,DIGI_ID,MOBILE_ID,SMART_ID).")
    List<TokenType> tokenTypes;

    @Option(names = "--countries", split = ",", paramLabel = "CC", description = "Eligible personal-code countries (default EE).")
    List<String> countries;

    @Option(names = "--accept-test-certificates", description = "Count TEST certificates (for rehearsals; never for a real count).")
    boolean acceptTest;

    @Override
    public Integer call() throws Exception {
        AuditPolicy base = AuditPolicy.forDocument(documentSha256());
        AuditPolicy policy = base
                .withWindow(from == null ? null : instant(base, "--from", from, false),
                        until == null ? null : instant(base, "--until", until, true))
                .withMinimumAge(minAge)
                .withThreshold(threshold);
        if (tokenTypes != null) {
            policy = policy.withEligibleTokens(Set.copyOf(tokenTypes));
        }
        if (countries != null) {
            Set<String> upper = new LinkedHashSet<>();
            countries.forEach(c -> upper.add(c.trim().toUpperCase(Locale.ROOT)));
            policy = policy.withEligibleCountries(upper);
        }
        if (acceptTest) {
            policy = policy.acceptingTestCertificates();
        }
        Verifier verifier = verifier(b -> { });
        AuditReport report = Audit.of(verifyAll(verifier), policy);
        write(Output.of(report));
        if (!report.summary().complete()) {
            spec.commandLine().getErr().println("allkiri: the count could not be completed: " + incomplete(report));
            spec.commandLine().getErr().flush();
            return Main.ERROR;
        }
        return report.summary().thresholdReached() ? Main.OK : Main.FAILED;
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

    private String documentSha256() throws IOException {
        if (document.sha256 != null) {
            return document.sha256;
        }
        try (InputStream in = Files.newInputStream(document.file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An instant, or a date taken as the start (or the end) of that day in the policy's zone
     * (Tallinn): {@link AuditPolicy#startOfDay}, {@link AuditPolicy#endOfDay}.
     */
    static Instant instant(AuditPolicy policy, String option, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? policy.endOfDay(day) : policy.startOfDay(day);
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(option + " expects an instant (2026-03-01T00:00:00Z) or a date (2026-03-01), not '"
                        + value + "'");
            }
        }
    }
}
