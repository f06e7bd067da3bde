package ee.allkiri.asic.redteam;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.pki.Authority;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how the current code judges the weak-key attacks ({@link WeakKeyAttacks}, the orders of
 * {@link WeakRsaKeyTest} and the weak anchor of {@link WeakAnchors}) on each route, for the table in
 * docs/red-team.md. Not a test (it asserts nothing); run it on the test class path, e.g.
 * {@code java -cp "$(the surefire.test.class.path of a report)" ee.allkiri.asic.redteam.WeakKeyCensus}.
 */
public final class WeakKeyCensus {

    private WeakKeyCensus() {
    }

    public static void main(String[] args) {
        List<RedTeamAttack> all = new ArrayList<>(WeakKeyAttacks.all());
        all.addAll(WeakKeyAttacks.controls());
        all.addAll(WeakKeyAttacks.beyond());
        for (RedTeamAttack attack : all) {
            System.out.println("| " + attack.name() + " | " + Judgement.of(attack, Route.FAST_PATH).summary() + " | "
                    + Judgement.of(attack, Route.FULL_VALIDATION).summary() + " |");
        }
        byte[] smartId = WeakKeyAttacks.lt(Forgery.personas().smartId());
        byte[] weak = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus("signer-among"), "signer-among"));
        for (Route route : List.of(Route.FAST_PATH, Route.FULL_VALIDATION)) {
            Verifier verifier = Hostile.build(route == Route.FULL_VALIDATION);
            System.out.println("| " + route + ": Smart-ID, weak, weak, Smart-ID | " + verdict(verifier.verify(smartId, "s"))
                    + "; " + verdict(verifier.verify(weak, "w")) + "; " + verdict(verifier.verify(weak, "w"))
                    + "; " + verdict(verifier.verify(smartId, "s")) + " |");
        }

        Authority tsa = WeakAnchors.tsa("anchor");
        byte[] sameModulus = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus("anchor"), "anchor-signer"));
        byte[] stamped = Forgery.container(List.of(Forgery.doc()),
                List.of(Forgery.sign(Forgery.spec(Forgery.signer(), Forgery.doc()).tsa(tsa).build())));
        for (Route route : List.of(Route.FAST_PATH, Route.FULL_VALIDATION)) {
            System.out.println("| " + route + ": the test PKI's verifier, no weak anchor in this JVM yet: a signer whose modulus is"
                    + " the prime | " + verdicts(Judges.TEST_PKI.verifier(route), sameModulus) + " |");
        }
        List<Verifier> weakAnchored = new ArrayList<>();
        for (Route route : List.of(Route.FAST_PATH, Route.FULL_VALIDATION)) {
            Verifier verifier = WeakAnchors.verifier(tsa.certificate(), route == Route.FULL_VALIDATION);
            weakAnchored.add(verifier);
            System.out.println("| " + route + ": weak-anchor verifier: time-stamp by the prime-modulus anchor | "
                    + verdicts(verifier, stamped) + " |");
            System.out.println("| " + route + ": weak-anchor verifier: a signer (ID-card CA) whose modulus is the anchor's | "
                    + verdicts(verifier, sameModulus) + " |");
        }
        for (Route route : List.of(Route.FAST_PATH, Route.FULL_VALIDATION)) {
            System.out.println("| " + route + ": the test PKI's verifier, a weak-anchor verifier alive: the same signer | "
                    + verdicts(Judges.TEST_PKI.verifier(route), sameModulus) + " |");
        }
        System.out.println("(" + weakAnchored.size() + " weak-anchor verifiers)");
        weakAnchored.clear();
        System.gc();
        for (Route route : List.of(Route.FAST_PATH, Route.FULL_VALIDATION)) {
            System.out.println("| " + route + ": the test PKI's verifier, the weak-anchor verifiers dropped and collected | "
                    + verdicts(Judges.TEST_PKI.verifier(route), sameModulus) + " |");
        }
    }

    private static String verdicts(Verifier verifier, byte[] container) {
        return verdict(verifier.verify(container, "1")) + "; " + verdict(verifier.verify(container, "2"));
    }

    private static String verdict(ContainerReport report) {
        return report.indication() + " " + Judgement.codes(report);
    }
}
