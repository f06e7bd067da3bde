package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Trust anchors from a keystore (PKCS#12 or JKS, detected by the JDK). Every certificate
 * entry and the certificate of every key entry is trusted. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KeyStoreTrustSource implements TrustSource {

    private final Path file;
    private final char[] password;

    /**
     * @param file     the keystore
     * @param password its password; may be empty for a PKCS#12 store of certificates only
     */
    public KeyStoreTrustSource(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
    }

    @Override
    public TrustMaterial load() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password.clone());
            List<TrustedService> services = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    services.add(TrustedService.anchor(x509));
                }
            }
            if (services.isEmpty()) {
                throw new IOException("no certificates in keystore " + file);
            }
            return new TrustMaterial(Certificates.distinct(services), List.of(), describe());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "keystore " + file;
    }
}
