package ee.allkiri.asic.hostile;

import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The parts of a forged container, to be put together (possibly with a hostile twist) by the
 * attack catalogues: data files, manifest and signature files, in digidoc4j's layout.
 */
record Parts(List<DataFile> files, byte[] manifest, List<byte[]> signatures) {

    Parts {
        files = List.copyOf(files);
        signatures = List.copyOf(signatures);
    }

    /** A valid container: the files, signed by each spec in turn. */
    static Parts signed(List<DataFile> files, SignatureSpec... specs) {
        List<byte[]> signatures = new ArrayList<>();
        for (SignatureSpec spec : specs) {
            signatures.add(Hostile.FORGE.sign(spec));
        }
        return new Parts(files, Manifest.of(files), signatures);
    }

    /** The test document, signed LT by the ID-card persona. */
    static Parts validLt() {
        DataFile doc = Hostile.FORGE.document();
        return signed(List.of(doc), Hostile.FORGE.spec(Hostile.FORGE.personas().idCard(), doc).build());
    }

    /** The first signature file as text. */
    String signature() {
        return new String(signatures.get(0), StandardCharsets.UTF_8);
    }

    /** These parts with the first signature file edited as text. */
    Parts editSignature(UnaryOperator<String> edit) {
        List<byte[]> edited = new ArrayList<>(signatures);
        edited.set(0, edit.apply(signature()).getBytes(StandardCharsets.UTF_8));
        return new Parts(files, manifest, edited);
    }

    Parts withManifest(byte[] value) {
        return new Parts(files, value, signatures);
    }

    /** mimetype (STORED), manifest, data files, signatures (all DEFLATED). */
    RawZip zip() {
        return ContainerForge.layout(files, manifest, signatures);
    }

    byte[] bytes() {
        return zip().toBytes();
    }
}
