package ee.allkiri.bench;

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
 * Compares the reports of one bundle verified with the fast path and with full validation,
 * signature by signature: a disagreement is a different indication, sub-indication,
 * qualification level or set of error codes (as the asic tests' {@code PathAgreement} has it);
 * reports that differ in anything else (a warning, a time) are counted apart.
 */
final class PathComparison {

    /** What the comparison found: disagreements in the verdict, and reports not identical at all. */
    record Result(int signatures, List<String> disagreements, int notIdentical) {
    }

    private PathComparison() {
    }

    static Result compare(ContainerReport fast, ContainerReport full) {
        List<String> out = new ArrayList<>();
        if (fast.indication() != full.indication() || !errors(fast.findings()).equals(errors(full.findings()))) {
            out.add("container: fast " + fast.indication() + " " + errors(fast.findings()) + ", full " + full.indication() + " "
                    + errors(full.findings()));
        }
        if (fast.signatures().size() != full.signatures().size()) {
            out.add("signatures: fast " + fast.signatures().size() + ", full " + full.signatures().size());
            return new Result(Math.max(fast.signatures().size(), full.signatures().size()), out, -1);
        }
        int notIdentical = 0;
        for (int i = 0; i < fast.signatures().size(); i++) {
            SignatureReport a = fast.signatures().get(i);
            SignatureReport b = full.signatures().get(i);
            if (!a.equals(b)) {
                notIdentical++;
            }
            if (!a.file().equals(b.file()) || a.indication() != b.indication() || !Objects.equals(a.subIndication(), b.subIndication())
                    || a.level() != b.level() || !errors(a.findings()).equals(errors(b.findings()))) {
                out.add(a.file() + ": fast " + a.indication() + "/" + a.subIndication() + " " + a.level() + " " + errors(a.findings())
                        + ", full " + b.indication() + "/" + b.subIndication() + " " + b.level() + " " + errors(b.findings()));
            }
        }
        return new Result(fast.signatures().size(), out, notIdentical);
    }

    private static Set<FindingCode> errors(List<Finding> findings) {
        Set<FindingCode> codes = new TreeSet<>();
        findings.stream().filter(Finding::isError).forEach(f -> codes.add(f.code()));
        return codes;
    }
}
