package ee.allkiri.asic.internal.cades;

import ee.allkiri.asic.internal.xades.UriNames;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CAdES signature's ASiCManifest says about the container (ETSI EN 319 162-1 4.4.4.2,
 * A.4; BDOC 2.1 6.1 for every file signed): each DataObjectReference names a data file of the
 * container (its URI percent-decoded as for XAdES), with a digest algorithm allkiri knows, and
 * the digest of that file as it is in the container; every data file is listed; and the listed
 * media type agrees with META-INF/manifest.xml when there is one. The digests are allkiri's own
 * check: DSS verifies only that the signature covers the manifest. A file counts as signed only
 * when its digest matches.
 */
public final class ManifestCoverage {

    /** The files the signature covers with matching digests, and the findings. */
    public record Result(List<String> signedFiles, List<Finding> findings) {
        public Result {
            signedFiles = List.copyOf(signedFiles);
            findings = List.copyOf(findings);
        }
    }

    private ManifestCoverage() {
    }

    /**
     * @param manifest      the signature's ASiCManifest
     * @param dataFiles     the container's data files by entry name (in archive order)
     * @param manifestTypes media type by full path from META-INF/manifest.xml (may be empty)
     * @param location      the signature file name
     */
    public static Result check(AsicManifest manifest, Map<String, DSSDocument> dataFiles, Map<String, String> manifestTypes,
                               String location) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Boolean> listed = new LinkedHashMap<>();
        boolean unresolved = false;
        for (AsicManifest.Reference reference : manifest.references()) {
            String name = UriNames.decode(reference.uri());
            DSSDocument file = name == null ? null : dataFiles.get(name);
            if (file == null) {
                findings.add(Finding.of(FindingCode.REFERENCE_NOT_FOUND, location,
                        "the ASiCManifest's URI '" + reference.uri() + "' names no data file of the container"));
                unresolved = true;
                continue;
            }
            DigestAlgorithm algorithm = algorithm(reference.digestAlgorithm());
            if (algorithm == null) {
                findings.add(Finding.of(FindingCode.REFERENCE_UNSUPPORTED, location,
                        "the ASiCManifest digests '" + name + "' with the unsupported method " + reference.digestAlgorithm()));
                listed.put(name, false);
                continue;
            }
            boolean intact = MessageDigest.isEqual(file.getDigestValue(algorithm), reference.digest());
            if (!intact) {
                findings.add(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, location,
                        "'" + name + "' is not the file the ASiCManifest lists: its " + algorithm.getName() + " digest differs"));
            }
            listed.put(name, intact);
            String manifestType = manifestTypes.get(name);
            if (reference.mimeType() != null && manifestType != null && !reference.mimeType().equalsIgnoreCase(manifestType)) {
                findings.add(Finding.of(FindingCode.MANIFEST_MIME_TYPE_MISMATCH, location, "'" + name + "' is " + manifestType
                        + " in META-INF/manifest.xml but " + reference.mimeType() + " in the ASiCManifest"));
            }
        }
        // a reference to a missing file is the finding; the files it may have meant are not "uncovered"
        if (!unresolved) {
            for (String file : dataFiles.keySet()) {
                if (!listed.containsKey(file)) {
                    findings.add(Finding.of(FindingCode.SIGNATURE_INCOMPLETE_COVERAGE, location,
                            "the signature's ASiCManifest does not list '" + file + "'"));
                }
            }
        }
        List<String> signed = listed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        return new Result(signed, findings);
    }

    /** The SHA-2 and SHA-3 digests; SHA-1, MD5 and the unknown are refused (no proof of existence dates them). */
    private static final java.util.Set<DigestAlgorithm> ACCEPTED = java.util.EnumSet.of(DigestAlgorithm.SHA224,
            DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512, DigestAlgorithm.SHA3_256,
            DigestAlgorithm.SHA3_384, DigestAlgorithm.SHA3_512);

    private static DigestAlgorithm algorithm(String uri) {
        try {
            DigestAlgorithm algorithm = DigestAlgorithm.forXML(uri);
            return ACCEPTED.contains(algorithm) ? algorithm : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
