package ee.allkiri.examples;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import java.nio.file.Path;

public class QuickStart {
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].startsWith("-")) {                 // --help, or not one container
            System.out.println("usage: QuickStart CONTAINER");
            System.exit(args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
        }
        Verifier verifier = Verifier.builder()                      // build once, then share: immutable, thread-safe
                .trust(EmbeddedSnapshots.source(EmbeddedSnapshots.EE_PROD)) // the Estonian trusted list in the jar
                .build();
        ContainerReport report = verifier.verify(Path.of(args[0])); // a bad container is a report, not an exception
        System.out.println(report.path() + ": " + (report.valid() ? "valid" : "NOT valid") + " " + report.indication());
        report.signatures().forEach(s -> System.out.println("  " + s.file() + " " + s.indication()
                + (s.signer() == null ? "" : " by " + s.signer().commonName() + ", " + s.signer().tokenType())));
        report.allFindings().forEach(f -> System.out.println("  " + f.severity() + " " + f.code() + " " + f.location()));
    }
}
