package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * BDOC 2.1 6.1: a signature covers every data file of the container
 * ({@code SIGNATURE_INCOMPLETE_COVERAGE}). When a reference names a file the container does not
 * have, that is the finding; the files it may have meant are not reported as uncovered.
 */
final class CoverageRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        boolean unresolved = facts.core().findings().stream().anyMatch(f -> f.code() == FindingCode.REFERENCE_NOT_FOUND
                || f.code() == FindingCode.REFERENCE_UNSUPPORTED);
        if (unresolved) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String file : facts.signature().inputs().dataFiles()) {
            if (!facts.core().referencedFiles().contains(file)) {
                findings.add(Finding.of(FindingCode.SIGNATURE_INCOMPLETE_COVERAGE, facts.file(),
                        "the signature does not cover '" + file + "'"));
            }
        }
        return findings;
    }
}
