package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.Profile;
import java.util.List;

/**
 * The signer's revocation evidence, by the signature's level (BDOC 2.1 5.3, ETSI EN 319 132-1
 * 5.4): a time-mark's OCSP response bound to the signature value; an LT or LTA signature's
 * responses after its time-stamp; for a B or T signature, which carries none, an answer asked
 * online when the verifier has a revocation source (then DSS judges again with it), and
 * {@code PROFILE_NOT_LONG_TERM} either way. The fast path's verified outcome is taken as it is.
 */
final class RevocationStage {

    /** The judgement (judged again with an online answer, or as it was), the OCSP outcome and the level finding. */
    record Result(Judgement judgement, SignerRevocation.Outcome outcome, List<Finding> findings) {
    }

    private static final SignerRevocation.Outcome NONE = new SignerRevocation.Outcome(null, null, List.of());

    private RevocationStage() {
    }

    static Result run(SignatureCase signature, Judgement judgement, SignerRevocation revocation, Engine full) {
        var signer = signature.core().signer();
        var issuer = judgement.issuerCertificate();
        Profile profile = signature.model().profile();
        if (judgement.revocation().isPresent()) {
            SignerRevocation.Outcome known = judgement.revocation().get();
            return new Result(judgement, known, known.findings());
        }
        switch (profile) {
            case B, B_EPES, T -> {
                SignerRevocation.Outcome online = null;
                Judgement judged = judgement;
                if (revocation.isOnline() && signer != null && issuer != null) {
                    java.time.Instant stamp = judgement.timestamps().isEmpty() ? null
                            : judgement.timestamps().get(0).productionTime();
                    online = revocation.online(signer, issuer, stamp, signature.validationTime(), signature.file());
                    if (online.fetched() != null) {
                        judged = full.judge(signature.withFetchedOcsp(online.fetched()));
                    }
                }
                SignerRevocation.Outcome outcome = online == null ? NONE : online;
                List<Finding> findings = new java.util.ArrayList<>(outcome.findings());
                findings.add(0, SignerRevocation.notLongTerm(profile.name(), online, signature.file()));
                return new Result(judged, outcome, findings);
            }
            case LT_TM -> {
                if (signer == null) {
                    return new Result(judgement, NONE, List.of());
                }
                SignerRevocation.Outcome outcome = revocation.embedded(signature.ocsps(), signer, issuer,
                        signature.certificates(), signature.model().signatureValue().value(), null,
                        signature.validationTime(), signature.lenient(), signature.file());
                return new Result(judgement, outcome, outcome.findings());
            }
            default -> {
                if (signer == null) {
                    return new Result(judgement, NONE, List.of());
                }
                java.time.Instant stamp = judgement.timestamps().isEmpty() ? null
                        : judgement.timestamps().get(0).productionTime();
                SignerRevocation.Outcome outcome = revocation.embedded(signature.ocsps(), signer, issuer,
                        signature.certificates(), null, stamp, signature.validationTime(), signature.lenient(),
                        signature.file());
                return new Result(judgement, outcome, outcome.findings());
            }
        }
    }
}
