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

    /** The second round's attacks (docs/red-team.md, "Second round"). */
    static List<RedTeamAttack> secondRound() {
        List<RedTeamAttack> all = new ArrayList<>();
        all.addAll(ZipParserAttacks.all());
        all.addAll(EncodingAndEvidenceAttacks.all());
        all.addAll(CrlAttacks.all());
        return all;
    }

    /** Weak RSA keys (docs/red-team.md, "Weak RSA keys"; WeakRsaKeyTest). */
    static List<RedTeamAttack> weakKeys() {
        return WeakKeyAttacks.all();
    }
}
