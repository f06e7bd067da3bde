package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustedService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading certificates with the JDK's X.509 factory. */
final class Certificates {

    private Certificates() {
    }

    /** Every certificate in a PEM or DER file. */
    static List<X509Certificate> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Every certificate in PEM or DER bytes. */
    static List<X509Certificate> parse(byte[] bytes, String file) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("not a certificate file: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Drops repeats, keeping the first: the same service of the same list twice, or a plain
     * anchor whose certificate is already trusted. A certificate that identifies several
     * listed services keeps each of them.
     */
    static List<TrustedService> distinct(List<TrustedService> services) {
        Map<String, TrustedService> byKey = new LinkedHashMap<>();
        java.util.Set<String> certificates = new java.util.HashSet<>();
        for (TrustedService s : services) {
            String digest = sha256(s.certificate());
            if (!s.isListed() && certificates.contains(digest)) {
                continue;
            }
            certificates.add(digest);
            byKey.putIfAbsent(s.isListed() ? digest + "|" + s.listUrl() + "|" + s.name() : digest, s);
        }
        return List.copyOf(byKey.values());
    }

    /** PEM text of a certificate. */
    static String pem(X509Certificate certificate) {
        try {
            String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
