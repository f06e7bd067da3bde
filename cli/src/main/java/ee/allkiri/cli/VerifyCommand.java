package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.VerificationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allkiri verify}: the verdict on each container, in the chosen format. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify containers. Exit 0 when every container is valid, 1 when any is not, 2 on error.")
final class VerifyCommand extends ContainerCommand implements Callable<Integer> {

    @Option(names = "--offline", description = "Use only the revocation data inside the signatures (the default).")
    boolean offline;

    @Option(names = "--online", description = "Check signer certificates online when a signature carries no OCSP response.")
    boolean online;

    @Override
    public Integer call() throws Exception {
        if (offline && online) {
            throw new IllegalArgumentException("--offline and --online exclude each other");
        }
        if (online) {
            throw new IllegalArgumentException("--online is not available yet in this build; verification is offline");
        }
        Verifier verifier = verifier(b -> { });
        VerificationReport report = new VerificationReport(verifyAll(verifier));
        write(Output.of(report));
        return report.allValid() ? Main.OK : Main.FAILED;
    }
}
