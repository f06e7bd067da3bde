package ee.allkiri.asic;

import eu.europa.esig.dss.model.DSSDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every signature of one container is verified against: its data files (names, in
 * archive order, and as DSS documents whose digests are computed once) and the manifest's
 * media types.
 *
 * @param dataFiles     data file names in archive order
 * @param manifestTypes media type by full path, from the manifest (empty without one)
 * @param documents     the data files for DSS
 */
record SignatureInputs(Set<String> dataFiles, Map<String, String> manifestTypes, List<DSSDocument> documents) {
    SignatureInputs {
        dataFiles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(dataFiles));
        manifestTypes = Map.copyOf(manifestTypes);
        documents = List.copyOf(documents);
    }
}
