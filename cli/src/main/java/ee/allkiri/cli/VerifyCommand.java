package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.spi.TrustMaterial;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code allkiri verify}: the verdict on each container, in the chosen format. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify containers. Exit 0 when every container is valid, 1 when any is not (or cannot be read),"
                + " 2 on a usage error or when the report cannot be written.")
final class VerifyCommand extends ContainerCommand {

    @Option(names = "--offline", description = "Use only the revocation data inside the signatures (the default).")
    boolean offline;

    @Mixin
    OnlineOptions online;

    @Override
    void checkOptions() {
        if (offline && online.online) {
            throw new IllegalArgumentException("--offline and --online exclude each other");
        }
        online.check();
        if (online.online && at != null) {
            throw new IllegalArgumentException("--online asks about the status now; it cannot be combined with --at");
        }
    }

    @Override
    void adjust(Verifier.Builder builder, TrustMaterial merged) {
        if (online.online) {
            builder.revocationSource(online.source(merged));
        }
    }

    @Override
    void inputsFound(InputScan.Result scan) {
        // verify needs nothing more than the inputs
    }

    @Override
    void describeOptions(Map<String, String> options) {
        options.put("revocation", online.describe());
    }

    @Override
    Outcome outcome(Verification.Result verified, InputScan.Result scan) {
        VerificationReport report = new VerificationReport(verified.reports());
        return new Outcome(Output.of(report), report.allValid() ? Main.OK : Main.FAILED);
    }
}
