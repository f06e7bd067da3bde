package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings that are the same on several containers or signatures (a stale trusted list on every
 * container, undersign's time-stamp canonicalization on every signature of a bundle): the text
 * report prints each once with its count instead of on every block. The same means the same
 * code, severity and message, on the same kind of place.
 */
final class RepeatedFindings {

    /**
     * One repeated finding.
     *
     * @param finding    the first occurrence
     * @param count      how many containers or signatures have it
     * @param onSignatures whether it is on signatures (else on containers)
     * @param sameLocation whether every occurrence has the first one's location
     */
    record Repeated(Finding finding, int count, boolean onSignatures, boolean sameLocation) {
    }

    private record Key(FindingCode code, Severity severity, String message, boolean onSignatures) {
        static Key of(Finding f, boolean onSignatures) {
            return new Key(f.code(), f.severity(), f.message(), onSignatures);
        }
    }

    private final Map<Key, List<Finding>> groups;

    private RepeatedFindings(Map<Key, List<Finding>> groups) {
        this.groups = groups;
    }

    static RepeatedFindings of(List<ContainerReport> containers) {
        Map<Key, List<Finding>> all = new LinkedHashMap<>();
        for (ContainerReport c : containers) {
            c.findings().stream().distinct().forEach(f -> all.computeIfAbsent(Key.of(f, false), k -> new ArrayList<>()).add(f));
            for (SignatureReport s : c.signatures()) {
                s.findings().stream().distinct().forEach(f -> all.computeIfAbsent(Key.of(f, true), k -> new ArrayList<>()).add(f));
            }
        }
        all.values().removeIf(list -> list.size() < 2);
        return new RepeatedFindings(all);
    }

    /** The repeated findings, in the order first seen. */
    List<Repeated> list() {
        List<Repeated> out = new ArrayList<>();
        groups.forEach((key, list) -> {
            Finding first = list.get(0);
            boolean same = list.stream().allMatch(f -> java.util.Objects.equals(f.location(), first.location()));
            out.add(new Repeated(first, list.size(), key.onSignatures(), same));
        });
        return out;
    }

    /** The findings of a container that are not repeated. */
    List<Finding> ownOfContainer(List<Finding> findings) {
        return findings.stream().filter(f -> !groups.containsKey(Key.of(f, false))).toList();
    }

    /** The findings of a signature that are not repeated. */
    List<Finding> ownOfSignature(List<Finding> findings) {
        return findings.stream().filter(f -> !groups.containsKey(Key.of(f, true))).toList();
    }
}
