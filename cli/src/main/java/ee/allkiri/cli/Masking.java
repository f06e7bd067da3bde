package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.PersonalCode;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --mask-personal-codes}: every personal code printed as its first six characters and
 * stars ({@code 380010*****}), and any other identifier (an ID-card or passport number) as stars
 * only, also where it appears inside the common name, for reports that get published.
 */
final class Masking {

    private final Map<SignatureReport, SignatureReport> masked = new IdentityHashMap<>();

    private Masking() {
    }

    static Output apply(Output output) {
        Masking m = new Masking();
        VerificationReport verification = new VerificationReport(
                output.verification().containers().stream().map(m::container).toList());
        if (!output.isAudit()) {
            return Output.of(verification);
        }
        AuditReport a = output.audit();
        List<AuditedSignature> signatures = a.signatures().stream()
                .map(s -> new AuditedSignature(s.container(), m.signature(s.signature()), s.signedAt(), s.exclusions()))
                .toList();
        return Output.of(new AuditReport(verification.containers(), signatures, a.policy(), a.summary()));
    }

    private ContainerReport container(ContainerReport c) {
        return new ContainerReport(c.path(), c.findings(), c.dataFiles(), c.signatures().stream().map(this::signature).toList());
    }

    private SignatureReport signature(SignatureReport s) {
        return masked.computeIfAbsent(s, k -> new SignatureReport(k.file(), k.id(), k.indication(), k.subIndication(),
                k.profile(), k.level(), signer(k.signer()), k.claimedSigningTime(), k.bestSignatureTime(), k.timestampTime(),
                k.ocspProducedAt(), k.signedFiles(), k.findings().stream().map(f -> f.code() == null ? f
                : new ee.allkiri.core.Finding(f.code(), f.severity(), mask(f.message(), k.signer()), f.location())).toList()));
    }

    private static Signer signer(Signer s) {
        if (s == null || s.identifier() == null) {
            return s;
        }
        return new Signer(mask(s.commonName(), s), s.givenName(), s.surname(), s.organization(), s.country(),
                s.personalCode() == null ? null : masked(s), s.personalCodeValid(), s.tokenType(), s.test(), s.issuer(),
                s.certificateSha256(), s.identifierType(), masked(s));
    }

    private static String mask(String text, Signer s) {
        if (text == null || s == null || s.identifier() == null) {
            return text;
        }
        return text.replace(s.identifier(), masked(s));
    }

    /** A personal code keeps its first six characters; a document number (ID-card, passport, ...) none. */
    private static String masked(Signer s) {
        return PersonalCode.PERSONAL_NUMBER.equals(s.identifierType())
                ? new PersonalCode("XX", PersonalCode.PERSONAL_NUMBER, s.identifier()).masked()
                : "*".repeat(s.identifier().length());
    }
}
