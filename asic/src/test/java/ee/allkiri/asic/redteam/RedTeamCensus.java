package ee.allkiri.asic.redteam;

import ee.allkiri.asic.redteam.Judges.Route;
import java.util.List;

/**
 * Prints the census table of docs/red-team.md: for every attack, how the current code judges it
 * on the fast path and in full validation, and the code the attack expects. Not a test (it
 * asserts nothing): run it on the test class path to refresh the table, e.g.
 * {@code java -cp "asic/target/test-classes:asic/target/classes:$(cat cp.txt)" -Dallkiri.fixtures=fixtures
 * ee.allkiri.asic.redteam.RedTeamCensus}.
 */
public final class RedTeamCensus {

    private RedTeamCensus() {
    }

    public static void main(String[] args) {
        List<RedTeamAttack> attacks = RedTeam.attacks();
        int passedFast = 0;
        int passedFull = 0;
        int caughtBoth = 0;
        System.out.println("| # | family | attack | expected | fast path today | full validation today |");
        System.out.println("|---|---|---|---|---|---|");
        int n = 0;
        for (RedTeamAttack attack : attacks) {
            Judgement fast = Judgement.of(attack, Route.FAST_PATH);
            Judgement full = Judgement.of(attack, Route.FULL_VALIDATION);
            passedFast += fast.passed() ? 1 : 0;
            passedFull += full.passed() ? 1 : 0;
            caughtBoth += fast.caught() && full.caught() ? 1 : 0;
            System.out.println("| " + (++n) + " | " + attack.family() + " | " + attack.name().replace("|", "\\|") + " | "
                    + attack.expected() + (attack.namedFile() == null ? "" : " (" + attack.namedFile() + ")") + " | "
                    + fast.summary() + " | " + full.summary() + " |");
        }
        System.out.println();
        System.out.println(attacks.size() + " attacks; caught on both routes with the expected code: " + caughtBoth
                + "; TOTAL_PASSED on the fast path: " + passedFast + "; TOTAL_PASSED in full validation: " + passedFull);
    }
}
