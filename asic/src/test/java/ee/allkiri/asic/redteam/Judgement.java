package ee.allkiri.asic.redteam;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.ArrayList;
import java.util.List;

/**
 * How an attack fared on one route. On the fast path the container is verified twice by the same
 * verifier: the first time may go to DSS and teach the fast path the signer's class (when DSS
 * passes it), the second is then the fast path's own answer; both must refuse the attack.
 *
 * @param reports    one report per verification, in order
 * @param fastHits   signatures the fast path passed during these verifications (when nothing else verified meanwhile)
 * @param signatures signatures verified during these verifications
 */
record Judgement(RedTeamAttack attack, Route route, List<ContainerReport> reports, long fastHits, long signatures) {

    static Judgement of(RedTeamAttack attack, Route route) {
        Verifier verifier = attack.judges().verifier(route);
        Verifier.Statistics before = verifier.statistics();
        List<ContainerReport> reports = verify(attack.judges(), attack.container().get(), route);
        Verifier.Statistics after = verifier.statistics();
        long fast = after.fastPath() - before.fastPath();
        return new Judgement(attack, route, reports, fast, fast + after.fullValidation() - before.fullValidation());
    }

    /** The reports of a container on a route: two verifications on the fast path, one in full validation. */
    static List<ContainerReport> verify(Judges judges, byte[] container, Route route) {
        Verifier verifier = judges.verifier(route);
        List<ContainerReport> reports = new ArrayList<>();
        for (int i = 0; i < (route == Route.FAST_PATH ? 2 : 1); i++) {
            reports.add(verifier.verify(container, "red-team.asice"));
        }
        return List.copyOf(reports);
    }

    /** Every verification refused the container with the expected code (naming the file, when one is named). */
    boolean caught() {
        return reports.stream().allMatch(r -> r.indication() != Indication.TOTAL_PASSED && expectedFound(r));
    }

    /** Some verification said the container is valid. */
    boolean passed() {
        return reports.stream().anyMatch(r -> r.indication() == Indication.TOTAL_PASSED);
    }

    /** The report has the expected code, on a finding naming the file when the attack names one. */
    boolean expectedFound(ContainerReport report) {
        return report.allFindings().anyMatch(f -> f.code() == attack.expected() && names(f));
    }

    private boolean names(Finding f) {
        String file = attack.namedFile();
        return file == null || file.equals(f.location()) || f.message().contains(file);
    }

    /** The error and warning codes of a report, in order, without repeats. */
    static List<FindingCode> codes(ContainerReport report) {
        return report.allFindings().map(Finding::code).distinct().toList();
    }

    /** One cell of the census table: PASSED, caught, or refused for other reasons, with the codes. */
    String summary() {
        ContainerReport last = reports.get(reports.size() - 1);
        String verdict = passed() ? "**PASSED**" : caught() ? "caught" : "not valid, without " + attack.expected()
                + (attack.namedFile() == null ? "" : " naming " + attack.namedFile());
        List<String> codes = new ArrayList<>(codes(last).stream().map(Enum::name).toList());
        if (reports.size() > 1 && !codes(reports.get(0)).equals(codes(last))) {
            codes.add("(first run: " + reports.get(0).indication() + " " + codes(reports.get(0)) + ")");
        }
        String hits = route == Route.FAST_PATH ? " [fast path took " + fastHits + " of " + signatures + "]" : "";
        return verdict + " " + last.indication() + (codes.isEmpty() ? "" : " " + String.join(", ", codes)) + hits;
    }
}
