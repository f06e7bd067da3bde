package ee.allkiri.cli;

import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.ocsp.OcspClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code verify --online}: which OCSP responders may be called. */
final class OnlineOptions {

    @Option(names = "--online", description = "Check a signer's certificate with its OCSP responder when the signature"
            + " carries no revocation data (B and T level). Needs --ocsp-url or --ocsp-allow-aia. Default: offline.")
    boolean online;

    @Option(names = "--ocsp-url", paramLabel = "ISSUER_CN=URL", description = "With --online: ask URL about certificates"
            + " issued by the CA with common name ISSUER_CN, e.g. 'ESTEID2018=http://aia.sk.ee/esteid2018'. Repeatable.")
    List<String> responders = new ArrayList<>();

    @Option(names = "--ocsp-allow-aia", paramLabel = "URL", description = "With --online: allow calling URL when a"
            + " certificate's AIA names it as its OCSP responder. Other AIA URLs are never called. Repeatable.")
    List<String> allowedAia = new ArrayList<>();

    /** Rejects option combinations that cannot work. */
    void check() {
        if (!online && (!responders.isEmpty() || !allowedAia.isEmpty())) {
            throw new IllegalArgumentException("--ocsp-url and --ocsp-allow-aia take effect only with --online");
        }
        if (online && responders.isEmpty() && allowedAia.isEmpty()) {
            throw new IllegalArgumentException("--online needs a responder: --ocsp-url ISSUER_CN=URL or --ocsp-allow-aia URL");
        }
    }

    /** The revocation setting, for the report's provenance. */
    String describe() {
        if (!online) {
            return "offline";
        }
        return "online: " + String.join(", ", java.util.stream.Stream.concat(responders.stream(),
                allowedAia.stream().map(u -> "AIA " + u)).toList());
    }

    /** The OCSP client, trusting the verifier's trust material for responder authorization. */
    RevocationSource source(TrustMaterial trust) {
        OcspClient.Builder builder = OcspClient.builder()
                .trusted(trust.services().stream().map(TrustedService::certificate).toList());
        for (String spec : responders) {
            int eq = spec.indexOf('=');
            if (eq < 1 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--ocsp-url expects ISSUER_CN=URL, not '" + spec + "'");
            }
            builder.responder(spec.substring(0, eq).strip(), url(spec.substring(eq + 1).strip()));
        }
        allowedAia.forEach(u -> builder.allowAiaResponder(url(u)));
        return builder.build();
    }

    private static URI url(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + value + "'");
        }
    }
}
