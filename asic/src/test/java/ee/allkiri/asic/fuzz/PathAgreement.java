package ee.allkiri.asic.fuzz;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.SignatureReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differential oracle: the fast path and full validation ({@code fullValidationOnly()}) must
 * reach the same verdict on any input, since the fast path may only pass what DSS passes and
 * hands everything else to DSS. Compared: the container's indication and the set of its error
 * codes, the number of signatures, and for each signature (in file order) its file, indication,
 * sub-indication, qualification level and the set of its error codes.
 *
 * <p>No finding code is exempt ({@link #MAY_DIFFER} is empty): wherever the fast path judges a
 * signature, it reports what DSS would, and wherever it does not, DSS judges on both paths. A
 * verification over the time budget ({@code LIMIT_TIME}) is no verdict at all; callers assert
 * it away before comparing, and a report with it disagrees with one without.
 */
public final class PathAgreement {

    /** Error codes that may legitimately be on one path's report and not the other's: none. */
    public static final Set<FindingCode> MAY_DIFFER = Set.of();

    private PathAgreement() {
    }

    /** What differs between the two reports of one container; empty when the paths agree. */
    public static List<String> disagreements(ContainerReport fast, ContainerReport full) {
        List<String> out = new ArrayList<>();
        if (fast.indication() != full.indication()) {
            out.add("container indication: fast " + fast.indication() + ", full " + full.indication());
        }
        Set<FindingCode> fastCodes = errorCodes(fast.findings());
        Set<FindingCode> fullCodes = errorCodes(full.findings());
        if (!fastCodes.equals(fullCodes)) {
            out.add("container error codes: fast " + fastCodes + ", full " + fullCodes);
        }
        if (fast.signatures().size() != full.signatures().size()) {
            out.add("signatures: fast " + fast.signatures().size() + ", full " + full.signatures().size());
            return out;
        }
        for (int i = 0; i < fast.signatures().size(); i++) {
            out.addAll(disagreements(fast.signatures().get(i), full.signatures().get(i)));
        }
        return out;
    }

    /** What differs between the two reports of one signature; empty when the paths agree. */
    public static List<String> disagreements(SignatureReport fast, SignatureReport full) {
        List<String> out = new ArrayList<>();
        String at = fast.file() + ": ";
        if (!fast.file().equals(full.file())) {
            out.add(at + "file: full " + full.file());
        }
        if (fast.indication() != full.indication()) {
            out.add(at + "indication: fast " + fast.indication() + ", full " + full.indication());
        }
        if (!Objects.equals(fast.subIndication(), full.subIndication())) {
            out.add(at + "sub-indication: fast " + fast.subIndication() + ", full " + full.subIndication());
        }
        if (fast.level() != full.level()) {
            out.add(at + "level: fast " + fast.level() + ", full " + full.level());
        }
        Set<FindingCode> fastCodes = errorCodes(fast.findings());
        Set<FindingCode> fullCodes = errorCodes(full.findings());
        if (!fastCodes.equals(fullCodes)) {
            out.add(at + "error codes: fast " + fastCodes + ", full " + fullCodes);
        }
        return out;
    }

    /** The codes of the ERROR findings, without the ones that may differ by path. */
    static Set<FindingCode> errorCodes(List<Finding> findings) {
        Set<FindingCode> codes = new TreeSet<>();
        for (Finding f : findings) {
            if (f.isError() && !MAY_DIFFER.contains(f.code())) {
                codes.add(f.code());
            }
        }
        return codes;
    }
}
