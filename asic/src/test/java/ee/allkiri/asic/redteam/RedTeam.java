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
        all.addAll(MisplacedPropertyAttacks.all());
        all.addAll(EvidenceAttacks.all());
        all.addAll(StructureAttacks.all());
        all.addAll(SignerCertificateAttacks.all());
        all.addAll(ReferenceAttacks.all());
        all.addAll(ZipNameAttacks.all());
        all.addAll(EvidenceSwapAttacks.all());
        all.addAll(AlgorithmAttacks.all());
        all.addAll(ContentTimestampAttacks.all());
        return all;
    }
}
