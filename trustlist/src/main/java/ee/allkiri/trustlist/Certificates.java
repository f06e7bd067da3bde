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
        byte[] bytes = Files.readAllBytes(file);
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

    /** Drops repeated certificates (same encoding), keeping the first. */
    static List<TrustedService> distinct(List<TrustedService> services) {
        Map<String, TrustedService> byDigest = new LinkedHashMap<>();
        for (TrustedService s : services) {
            byDigest.putIfAbsent(sha256(s.certificate()), s);
        }
        return List.copyOf(byDigest.values());
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
