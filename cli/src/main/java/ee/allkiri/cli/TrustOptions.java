package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The trust options shared by the commands that verify: {@code --trust}, list signers, staleness. */
final class TrustOptions {

    @Option(names = "--trust", paramLabel = "SPEC",
            description = "Trust: a directory of PEM/DER certificates, a certificate file, a keystore, a trusted list "
                    + "or list of lists XML file (with --list-signer), a snapshot directory, or an embedded snapshot "
                    + "(ee-test, ee-prod). Repeatable. Default: ee-prod.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--list-signer", paramLabel = "PEM",
            description = "A certificate a trusted list XML given with --trust must be signed with. Repeatable.")
    List<Path> listSigners = new ArrayList<>();

    @Option(names = "--reject-stale-trust",
            description = "A trusted list past its next update at the validation time is an error (default: a warning).")
    boolean rejectStale;

    @Option(names = "--accept-stale-trust",
            description = "Use trusted lists past their next update without reporting it (default: a warning).")
    boolean acceptStale;

    /** The specifications in force: as given, or the default. */
    List<String> specsInForce() {
        return specs.isEmpty() ? List.of(EmbeddedSnapshots.EE_PROD) : List.copyOf(specs);
    }

    /** Rejects option combinations that cannot work. */
    void check() {
        if (rejectStale && acceptStale) {
            throw new IllegalArgumentException("--reject-stale-trust and --accept-stale-trust exclude each other");
        }
    }

    /** How a stale trusted list is treated, for the report's provenance. */
    String stalePolicy() {
        return rejectStale ? "error" : acceptStale ? "accepted silently" : "warning";
    }

    List<TrustSource> sources() throws IOException {
        List<X509Certificate> signers = new ArrayList<>();
        for (Path file : listSigners) {
            signers.addAll(TrustSpecs.readCertificates(file));
        }
        List<TrustSource> sources = new ArrayList<>();
        for (String spec : specsInForce()) {
            sources.add(TrustSpecs.parse(spec, signers));
        }
        return sources;
    }

    /** A verifier builder with already loaded sources and the staleness policy. */
    Verifier.Builder builder(List<TrustSource> sources) {
        check();
        Verifier.Builder builder = Verifier.builder().trust(sources);
        if (rejectStale) {
            builder.rejectStaleTrustLists();
        }
        if (acceptStale) {
            builder.acceptStaleTrustLists();
        }
        return builder;
    }
}
