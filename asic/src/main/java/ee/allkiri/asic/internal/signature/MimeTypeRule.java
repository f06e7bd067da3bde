package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.asic.internal.xades.UriNames;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * BDOC 2.1 6.2, ETSI EN 319 132-1 5.2.4: the media type the signed DataObjectFormat gives a
 * file agrees with the manifest's ({@code MANIFEST_MIME_TYPE_MISMATCH}). Only the signed
 * property counts; its copy anywhere else is not read.
 */
final class MimeTypeRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (SignatureModel.Reference ref : facts.model().fileReferences()) {
            String signed = ref.id() == null ? null : facts.model().signed().mimeTypes().get(ref.id());
            String name = ref.uri() == null ? null : UriNames.decode(ref.uri());
            String manifest = name == null ? null : facts.signature().inputs().manifestTypes().get(name);
            if (signed != null && manifest != null && !signed.equalsIgnoreCase(manifest)) {
                findings.add(Finding.of(FindingCode.MANIFEST_MIME_TYPE_MISMATCH, facts.file(),
                        "'" + name + "' is " + manifest + " in the manifest but " + signed + " in the signature"));
            }
        }
        return findings;
    }
}
