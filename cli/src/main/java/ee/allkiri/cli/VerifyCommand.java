package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.spi.TrustMaterial;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code allkiri verify}: the verdict on each container, in the chosen format. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify containers. Exit 0 when every container is valid, 1 when any is not, 2 on error.")
final class VerifyCommand extends ContainerCommand implements Callable<Integer> {

    @Option(names = "--offline", description = "Use only the revocation data inside the signatures (the default).")
    boolean offline;

    @Mixin
    OnlineOptions online;

    @Override
    public Integer call() throws Exception {
        if (offline && online.online) {
            throw new IllegalArgumentException("--offline and --online exclude each other");
        }
        online.check();
        if (online.online && at != null) {
            throw new IllegalArgumentException("--online asks about the status now; it cannot be combined with --at");
        }
        Verifier verifier;
        if (online.online) {
            TrustMaterial material = LoadedTrust.load(trust.sources());
            verifier = verifier(List.of(new LoadedTrust(material)), b -> b.revocationSource(online.source(material)));
        } else {
            verifier = verifier(b -> { });
        }
        VerificationReport report = new VerificationReport(verifyAll(verifier));
        write(Output.of(report));
        return report.allValid() ? Main.OK : Main.FAILED;
    }
}
