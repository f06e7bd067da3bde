package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.dss.DataFileDocument;
import ee.allkiri.asic.internal.xades.CoreValidation;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every signature of one container is verified against: its data files (by entry name,
 * each digest computed once and shared by all signatures) and the manifest's media types.
 *
 * @param files         the data files by entry name, in archive order
 * @param manifestTypes media type by full path, from the manifest (empty without one)
 * @param deadline      the container's verification deadline, checked between the steps of each signature
 */
public record SignatureInputs(Map<String, DataFileDocument> files, Map<String, String> manifestTypes, Deadline deadline)
        implements CoreValidation.DataFiles {

    public SignatureInputs {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        manifestTypes = Map.copyOf(manifestTypes);
        Objects.requireNonNull(deadline, "deadline");
    }

    /** Inputs without a deadline. */
    public SignatureInputs(Map<String, DataFileDocument> files, Map<String, String> manifestTypes) {
        this(files, manifestTypes, Deadline.none());
    }

    /** Data file names in archive order. */
    public Set<String> dataFiles() {
        return files.keySet();
    }

    /** The data files as DSS documents. */
    public List<DSSDocument> documents() {
        return List.copyOf(files.values());
    }

    @Override
    public Optional<byte[]> digest(String name, String digestMethod) {
        deadline.check();
        DataFileDocument file = files.get(name);
        return file == null ? Optional.empty() : Optional.of(file.getDigestValue(DigestAlgorithm.forXML(digestMethod)));
    }
}
