package ee.allkiri.asic.redteam;

import java.util.ArrayList;
import java.util.List;

/** Every attack of the red-team catalogues, family by family. */
final class RedTeam {

    private RedTeam() {
    }

    static List<RedTeamAttack> attacks() {
        List<RedTeamAttack> all = new ArrayList<>();
        all.addAll(DuplicateContentAttacks.all());
        return all;
    }
}
