package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --mask-personal-codes}: every personal code printed with a {@link PersonalCodeMask}
 * (by default only its last four digits, {@code *******5718}: no birth date, no sex), and any other
 * identifier (an ID-card or passport number) as stars only, also where it appears inside the
 * common name or a message, for reports that get published.
 */
final class Masking {

    private final PersonalCodeMask mask;
    private final Map<SignatureReport, SignatureReport> masked = new IdentityHashMap<>();

    private Masking(PersonalCodeMask mask) {
        this.mask = mask;
    }

    static Output apply(Output output, PersonalCodeMask mask) {
        if (mask == PersonalCodeMask.NONE) {
            return output;
        }
        Masking m = new Masking(mask);
        VerificationReport verification = new VerificationReport(
                output.verification().containers().stream().map(m::container).toList());
        if (!output.isAudit()) {
            return new Output(verification, null, output.provenance(), output.timings());
        }
        AuditReport a = output.audit();
        List<AuditedSignature> signatures = a.signatures().stream()
                .map(s -> new AuditedSignature(s.container(), m.signature(s.signature()), s.signedAt(), s.exclusions(),
                        s.duplicateOf()))
                .toList();
        return new Output(verification, new AuditReport(verification.containers(), signatures, a.policy(), a.summary()),
                output.provenance(), output.timings());
    }

    private ContainerReport container(ContainerReport c) {
        return new ContainerReport(c.path(), c.findings(), c.dataFiles(), c.signatures().stream().map(this::signature).toList());
    }

    private SignatureReport signature(SignatureReport s) {
        return masked.computeIfAbsent(s, k -> new SignatureReport(k.file(), k.id(), k.indication(), k.subIndication(),
                k.profile(), k.level(), signer(k.signer()), k.claimedSigningTime(), k.bestSignatureTime(), k.timestampTime(),
                k.ocspProducedAt(), k.signedFiles(), k.findings().stream().map(f -> finding(f, k.signer())).toList()));
    }

    private Finding finding(Finding f, Signer s) {
        if (s == null || s.identifier() == null) {
            return f;
        }
        return new Finding(f.code(), f.severity(), within(f.message(), s), f.location());
    }

    private Signer signer(Signer s) {
        if (s == null || s.identifier() == null) {
            return s;
        }
        return new Signer(within(s.commonName(), s), s.givenName(), s.surname(), s.organization(), s.country(),
                s.personalCode() == null ? null : mask.apply(s.personalCode()), s.personalCodeValid(), s.tokenType(), s.test(),
                s.issuer(), s.certificateSha256(), s.identifierType(), masked(s));
    }

    /** The text with the signer's identifier masked wherever it appears. */
    private String within(String text, Signer s) {
        if (text == null) {
            return null;
        }
        return s.personalCode() != null ? mask.applyWithin(text, s.identifier()) : text.replace(s.identifier(), masked(s));
    }

    /** A personal code by the mask; a document number (ID-card, passport, ...) as stars only. */
    private String masked(Signer s) {
        return s.personalCode() != null ? mask.apply(s.identifier()) : "*".repeat(s.identifier().length());
    }
}
