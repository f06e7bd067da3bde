package ee.allkiri.asic.rules;

import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a signature's references say about the container (BDOC 2.1 6.1-6.3, ETSI EN 319 132-1
 * 6.3): one signature per file, exactly one SignedProperties and one reference to it, every
 * file reference names a data file of the container (by its URI, percent-decoded; a '+' is a
 * plus sign, not a space), every data file is covered, and the signed media type agrees with
 * the manifest. DSS matches detached files by digest before name, so these name checks are
 * allkiri's own.
 */
public final class ReferenceRules {

    /** The files the signature covers and the findings. */
    public record Result(List<String> signedFiles, List<Finding> findings) {
        public Result {
            signedFiles = List.copyOf(signedFiles);
            findings = List.copyOf(findings);
        }
    }

    private ReferenceRules() {
    }

    /**
     * @param xml        the signature's facts
     * @param dataFiles  names of the container's data files
     * @param manifest   media type by full path from the manifest (may be empty)
     * @param location   the signature file name
     */
    public static Result check(SignatureXml xml, Set<String> dataFiles, Map<String, String> manifest, String location) {
        List<Finding> findings = new ArrayList<>();
        if (xml.signatureCount() != 1) {
            findings.add(Finding.of(FindingCode.SIGNATURE_NOT_ONE_PER_FILE, location,
                    "the file holds " + xml.signatureCount() + " signatures; BDOC allows exactly one"));
        }
        if (xml.signedPropertiesCount() > 1) {
            findings.add(Finding.of(FindingCode.SIGNED_PROPERTIES_MULTIPLE, location,
                    xml.signedPropertiesCount() + " SignedProperties elements"));
        }
        long propertiesRefs = xml.references().stream().filter(SignatureXml.Reference::isSignedProperties).count();
        if (propertiesRefs != 1) {
            findings.add(Finding.of(FindingCode.SIGNED_PROPERTIES_REFERENCE, location,
                    propertiesRefs + " references to SignedProperties; exactly one is required"));
        }
        Set<String> covered = new LinkedHashSet<>();
        boolean unresolved = false;
        for (SignatureXml.Reference reference : xml.references()) {
            if (!reference.isFile()) {
                continue;
            }
            String name = decode(reference.uri());
            if (name == null || !dataFiles.contains(name)) {
                findings.add(Finding.of(FindingCode.REFERENCE_NOT_FOUND, location,
                        "reference URI '" + reference.uri() + "' names no data file of the container"));
                unresolved = true;
                continue;
            }
            covered.add(name);
            String signedType = reference.id() == null ? null : xml.mimeTypes().get(reference.id());
            String manifestType = manifest.get(name);
            if (signedType != null && manifestType != null && !signedType.equalsIgnoreCase(manifestType)) {
                findings.add(Finding.of(FindingCode.MANIFEST_MIME_TYPE_MISMATCH, location,
                        "'" + name + "' is " + manifestType + " in the manifest but " + signedType + " in the signature"));
            }
        }
        // a reference to a missing file is the finding; the files it may have meant are not "uncovered"
        for (String file : unresolved ? Set.<String>of() : dataFiles) {
            if (!covered.contains(file)) {
                findings.add(Finding.of(FindingCode.SIGNATURE_INCOMPLETE_COVERAGE, location,
                        "the signature does not cover '" + file + "'"));
            }
        }
        return new Result(new ArrayList<>(covered), findings);
    }

    /**
     * Percent-decodes a URI reference (RFC 3986 2.1) as UTF-8. A '+' stays a '+'. Returns
     * null for a malformed escape or invalid UTF-8.
     */
    public static String decode(String uri) {
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(uri.length());
        byte[] raw = uri.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length) {
                    return null;
                }
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
