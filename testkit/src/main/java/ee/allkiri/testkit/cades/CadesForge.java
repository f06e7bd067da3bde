package ee.allkiri.testkit.cades;

import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.zip.RawZip;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ASiC-E containers with CAdES signatures (ETSI EN 319 162-1 4.4.4.2), laid out as DSS writes
 * them: {@code mimetype}, the data files, then per signature {@code META-INF/ASiCManifest00N.xml}
 * and {@code META-INF/signature00N.p7s}, the signature detached over the manifest, which lists
 * the files the spec covers with their SHA-256. No {@code META-INF/manifest.xml} unless asked
 * for. Deterministic and thread-safe.
 *
 * @since 0.1.0
 */
public final class CadesForge {

    private final CadesSigner signer;

    public CadesForge(TestPki pki) {
        this.signer = new CadesSigner(pki);
    }

    /**
     * One signature's two entries.
     *
     * @param signatureName e.g. {@code META-INF/signature001.p7s}
     * @param signature     the DER CMS signature
     * @param manifestName  e.g. {@code META-INF/ASiCManifest001.xml}
     * @param manifest      the ASiCManifest the signature signs
     */
    public record Part(String signatureName, byte[] signature, String manifestName, byte[] manifest) {
        public Part {
            Objects.requireNonNull(signatureName);
            Objects.requireNonNull(signature);
            Objects.requireNonNull(manifestName);
            Objects.requireNonNull(manifest);
        }

        /** The same part with another manifest in the container (the signature unchanged). */
        public Part withManifest(byte[] other) {
            return new Part(signatureName, signature, manifestName, other);
        }
    }

    /** The entry names of the n-th signature (counting from 1), as DSS names them. */
    public static String signatureName(int n) {
        return String.format("META-INF/signature%03d.p7s", n);
    }

    public static String manifestName(int n) {
        return String.format("META-INF/ASiCManifest%03d.xml", n);
    }

    /** The n-th signature (from 1): an ASiCManifest over the spec's files and a CAdES signature over it. */
    public Part part(int n, SignatureSpec spec) {
        byte[] manifest = AsicManifest.of(signatureName(n), spec.files());
        return new Part(signatureName(n), signer.sign(spec, manifest), manifestName(n), manifest);
    }

    /** A container with the files and one CAdES signature per spec. */
    public byte[] container(List<DataFile> files, List<SignatureSpec> specs) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            parts.add(part(i + 1, specs.get(i)));
        }
        return layout(files, parts, false).toBytes();
    }

    /**
     * The container's ZIP: mimetype (STORED, first), META-INF/manifest.xml when asked for, the
     * data files, then each part's manifest and signature (all DEFLATED).
     */
    public static RawZip layout(List<DataFile> files, List<Part> parts, boolean odfManifest) {
        RawZip zip = new RawZip();
        zip.add("mimetype", Manifest.ASIC_E);
        if (odfManifest) {
            zip.add("META-INF/manifest.xml", Manifest.of(files)).deflated();
        }
        for (DataFile file : files) {
            zip.add(file.name(), file.content()).deflated();
        }
        for (Part part : parts) {
            zip.add(part.manifestName(), part.manifest()).deflated();
            zip.add(part.signatureName(), part.signature()).deflated();
        }
        return zip;
    }
}
