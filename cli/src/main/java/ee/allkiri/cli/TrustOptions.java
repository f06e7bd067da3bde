package ee.allkiri.cli;

import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.trustlist.TrustSpecs;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The repeatable {@code --trust} option shared by the commands. */
final class TrustOptions {

    @Option(names = "--trust", paramLabel = "SPEC",
            description = "Trust: a directory of PEM/DER certificates, a certificate file or a keystore. Repeatable.")
    List<String> specs = new ArrayList<>();

    List<TrustSource> sources() {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no trust given: use --trust DIR (a folder of CA, OCSP and TSA certificates)");
        }
        return specs.stream().map(TrustSpecs::parse).toList();
    }
}
