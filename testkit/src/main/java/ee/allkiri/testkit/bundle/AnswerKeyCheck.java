package ee.allkiri.testkit.bundle;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.PersonalCode;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a verifier's report on a forged bundle with the bundle's answer key: every
 * signature's indication, signer (the serialNumber's identifier and its type, the personal code
 * only for a personal number, token type), time-stamp time to the millisecond, and the facts
 * each planted defect and each exclusion rests on (the finding of an invalid signature, the TEST
 * flag, the age from the personal code at the time-stamp, the window).
 *
 * @since 0.1.0
 */
public final class AnswerKeyCheck {

    private AnswerKeyCheck() {
    }

    /** The disagreements, one line each; empty when the report matches the answer key. */
    public static List<String> mismatches(List<AnswerKeyRow> rows, ContainerReport report, BundleTerms terms) {
        List<String> out = new ArrayList<>();
        Map<String, SignatureReport> byFile = new HashMap<>();
        report.signatures().forEach(s -> byFile.put(s.file(), s));
        if (byFile.size() != rows.size()) {
            out.add("the report has " + byFile.size() + " signatures, the answer key " + rows.size());
        }
        for (AnswerKeyRow row : rows) {
            SignatureReport s = byFile.get(row.file());
            if (s == null) {
                out.add(row.file() + ": not in the report");
                continue;
            }
            check(out, row, s, terms);
        }
        return out;
    }

    /** The signer names the expected identifier, and a personal code only when it is a personal number. */
    private static boolean identifies(Signer signer, PersonalCode expected) {
        return expected.type().equals(signer.identifierType()) && expected.country().equals(signer.country())
                && expected.code().equals(signer.identifier())
                && java.util.Objects.equals(expected.isPersonalNumber() ? expected.code() : null, signer.personalCode());
    }

    private static void check(List<String> out, AnswerKeyRow row, SignatureReport s, BundleTerms terms) {
        String where = row.file() + " (" + row.defect() + "): ";
        if (s.indication() != row.expectedIndication()) {
            out.add(where + "indication " + s.indication() + ", expected " + row.expectedIndication());
        }
        Signer signer = s.signer();
        if (row.defect() == PlantedDefect.INVALID_SIGNATURE) {
            // a signature value that does not verify proves nobody signed: the report names no signer
            boolean refused = s.findings().stream().anyMatch(f -> f.code() == FindingCode.SIGNATURE_VALUE_INVALID);
            if (signer != null || !refused) {
                out.add(where + "signer " + (signer == null ? null : signer.personalCode()) + ", findings "
                        + s.findings().stream().map(Finding::code).toList() + ", expected no signer and SIGNATURE_VALUE_INVALID");
            }
            return;
        }
        PersonalCode expected = PersonalCode.fromSerialNumber(row.serialNumber(), "EE").orElseThrow(
                () -> new IllegalArgumentException("the answer key's serialNumber is no identifier: " + row.serialNumber()));
        if (signer == null || !identifies(signer, expected) || signer.tokenType() != row.tokenType()) {
            out.add(where + "signer " + (signer == null ? null : signer.identifierType() + signer.country() + "-"
                    + signer.identifier() + "/" + signer.personalCode() + "/" + signer.tokenType())
                    + ", expected " + expected + "/" + row.tokenType());
            return;
        }
        if (!row.timestamp().equals(s.timestampTime())) {
            out.add(where + "time-stamp " + s.timestampTime() + ", expected " + row.timestamp());
        }
        Set<FindingCode> codes = s.findings().stream().map(Finding::code).collect(Collectors.toSet());
        int age = expected.isEstonian()
                ? expected.ageOn(LocalDate.ofInstant(row.timestamp(), ZoneOffset.UTC)).orElse(-1) : -1;
        boolean planted = switch (row.defect()) {
            case INVALID_SIGNATURE -> codes.contains(FindingCode.SIGNATURE_VALUE_INVALID);
            case REVOKED -> codes.contains(FindingCode.CERTIFICATE_REVOKED) || codes.contains(FindingCode.OCSP_STATUS_REVOKED);
            case TEST_CERTIFICATE -> signer.test();
            case UNDER_AGE -> age >= 0 && age < terms.minAge();
            case SIGNED_AFTER_DEADLINE, DAY_EDGE_OUTSIDE -> s.timestampTime() != null && !terms.inWindow(s.timestampTime());
            case DAY_EDGE_INSIDE -> s.timestampTime() != null && terms.inWindow(s.timestampTime());
            case NOT_A_PERSONAL_NUMBER -> signer.personalCode() == null && !signer.personalCodeValid()
                    && signer.hasOtherIdentifier();
            case E_RESIDENT_DIGI_ID -> signer.tokenType() == ee.allkiri.core.TokenType.E_RESIDENT_DIGI_ID;
            case AGE_UNKNOWN -> signer.parsedPersonalCode().flatMap(PersonalCode::birthDate).isEmpty();
            case NONE, DUPLICATE_PERSON -> true;
        };
        if (!planted) {
            out.add(where + "the planted defect is not visible in the report (findings " + codes + ", age " + age + ")");
        }
        if (row.counted() && (signer.test() || age < terms.minAge() || !terms.inWindow(row.timestamp())
                || !signer.personalCodeValid())) {
            out.add(where + "counted in the answer key, but test=" + signer.test() + " age=" + age + " at " + row.timestamp());
        }
    }
}
