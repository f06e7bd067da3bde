package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.dss.DssEngine;
import ee.allkiri.asic.internal.fast.CheckedKeys;
import ee.allkiri.asic.internal.xades.TimestampCanonicalization;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The full engine: DSS's ETSI EN 319 102-1 validation. Before DSS sees the signature, a
 * time-stamp with the undersign canonicalization quirk is repaired ({@link TimestampCanonicalization});
 * a BDOC time-mark signature is validated at its time-mark's time. Thread-safe.
 */
final class DssJudge implements Engine {

    private final Supplier<DssEngine> engine;
    private final Supplier<DssEngine> timeMarkEngine;
    private final TimestampCanonicalization canonicalization;
    private final CheckedKeys keys;

    /**
     * @param engine         DSS, made on first use
     * @param timeMarkEngine DSS for BDOC time-mark signatures (the claimed signing time informational), made on first use
     */
    DssJudge(Supplier<DssEngine> engine, Supplier<DssEngine> timeMarkEngine, TimestampCanonicalization canonicalization,
             CheckedKeys keys) {
        this.engine = engine;
        this.timeMarkEngine = timeMarkEngine;
        this.canonicalization = canonicalization;
        this.keys = keys;
    }

    @Override
    public Judgement judge(SignatureCase signature) {
        TimestampCanonicalization.Outcome repaired = canonicalization.apply(signature.model(), signature.document(),
                signature.xml(), signature.file());
        Instant at = validationTime(signature);
        signature.inputs().deadline().check(); // before each DSS call: work past its budget stops here
        // made on first use; a failure to make it is the verifier's (an exception), not the signature's
        retainKeys(signature);
        DssEngine dss = (signature.model().profile() == ee.allkiri.core.Profile.LT_TM ? timeMarkEngine : engine).get();
        Judgement judged;
        try {
            judged = NonDerCertificates.when(signature.lenient(), () -> DssReports.read(dss.validate(repaired.xml(),
                    signature.file(), signature.inputs().documents(), at, signature.fetchedOcsp()), signature.file()));
        } catch (RuntimeException | StackOverflowError e) {
            // DSS throws on some hostile structures; refuse, never crash
            return Judgement.unprocessable(Finding.of(FindingCode.SIGNATURE_UNPROCESSABLE, signature.file(),
                    "DSS could not process it: " + e));
        }
        return repaired.finding().map(f -> withFinding(judged, f)).orElse(judged);
    }

    /**
     * DSS reads every certificate the signature carries afresh: the RSA moduli of its OCSP responders and
     * time-stamping units are tested once per verifier ({@link CheckedKeys}); those of KeyInfo and
     * CertificateValues are held before allkiri's own check.
     */
    private void retainKeys(SignatureCase signature) {
        Runnable checkpoint = signature.inputs().deadline()::check;
        signature.ocsps().forEach(ocsp -> keys.retain(ocsp.certificates(), checkpoint));
        signature.model().unsigned().signatureTimestamps()
                .forEach(t -> t.tokens().forEach(token -> keys.retainSignedData(token, checkpoint)));
        signature.model().signed().contentTimestamps().forEach(token -> keys.retainSignedData(token, checkpoint));
    }

    /** A time-mark signature is judged at its time-mark's time (the OCSP response it embeds), others at the validation time. */
    private static Instant validationTime(SignatureCase signature) {
        if (signature.model().profile() == ee.allkiri.core.Profile.LT_TM && signature.core().signer() != null) {
            Optional<Instant> mark = SignerRevocation.timeMark(signature.ocsps(), signature.core().signer(),
                    signature.model().signatureValue().value());
            if (mark.isPresent()) {
                return mark.get();
            }
        }
        return signature.validationTime();
    }

    private static Judgement withFinding(Judgement j, Finding finding) {
        List<Finding> findings = new ArrayList<>(j.findings());
        findings.add(finding);
        return new Judgement(j.path(), j.found(), j.indication(), j.subIndication(), j.qualification(), j.signingCertificate(),
                j.issuerCertificate(), j.bestSignatureTime(), j.timestamps(), j.contentTimestamps(), findings, j.listedChain(),
                j.revocation().orElse(null));
    }
}
