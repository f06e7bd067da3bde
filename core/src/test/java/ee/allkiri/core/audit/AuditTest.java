package ee.allkiri.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.SubIndication;
import ee.allkiri.core.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditTest {

    static final String DOC = "a".repeat(64);
    static final String OTHER = "b".repeat(64);
    static final Instant DAY1 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-03-03T10:00:00Z");

    private int file;

    static Signer person(String code, TokenType type, boolean test) {
        boolean ok = ee.allkiri.core.PersonalCode.estonian(code).isWellFormed();
        return new Signer("X", "G", "S", null, "EE", code, ok, type, test, "ESTEID2018", "00");
    }

    SignatureReport valid(Signer signer, Instant at) {
        return new SignatureReport("META-INF/signatures-" + (++file) + ".xml", "signature", Indication.TOTAL_PASSED, null,
                Profile.LT, Qualification.QESIG, signer, at, at, at, at.plusSeconds(2), List.of("initiative.html"), List.of());
    }

    SignatureReport invalid(Signer signer, Instant at) {
        return new SignatureReport("META-INF/signatures-" + (++file) + ".xml", "signature", Indication.TOTAL_FAILED,
                SubIndication.HASH_FAILURE, Profile.LT, Qualification.NA, signer, at, at, at, at, List.of("initiative.html"),
                List.of(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, "x", "m")));
    }

    /** A signer whose serialNumber is {@code TYPE CC - value} (IDCEE-..., PASEE-..., PNOLV-...), as SignerIdentity reads it. */
    static Signer identified(String serialNumber, TokenType type) {
        ee.allkiri.core.PersonalCode id = ee.allkiri.core.PersonalCode.fromSerialNumber(serialNumber, "EE").orElseThrow();
        String code = id.isPersonalNumber() ? id.code() : null;
        return new Signer("X", "G", "S", null, id.country(), code, code != null && id.isWellFormed(), type, false,
                "EID-SK 2016", "00", id.type(), id.code());
    }

    static ContainerReport bundle(String docSha, SignatureReport... signatures) {
        return new ContainerReport("bundle.asice", List.of(), List.of(new DataFile("initiative.html", "text/html", 10, docSha)),
                List.of(signatures));
    }



    @Test
    void aValidEligibleSignatureOnTheDocumentCounts() {
        AuditReport r = Audit.of(List.of(bundle(DOC, valid(person("38001085718", TokenType.ID_CARD, false), DAY1))),
                AuditPolicy.forDocument(DOC));
        assertThat(r.signatures().get(0).counted()).isTrue();
        assertThat(r.summary().counted()).isEqualTo(1);
        assertThat(r.summary().countedPerDay()).containsEntry(LocalDate.of(2026, 3, 2), 1);
    }

    @Test
    void aSignatureTrustedListsShowNotQualifiedIsNotCounted() {
        Signer signer = person("38001085718", TokenType.ID_CARD, false);
        SignatureReport advanced = new SignatureReport("META-INF/signatures-" + (++file) + ".xml", "signature",
                Indication.TOTAL_PASSED, null, Profile.LT, Qualification.ADESIG_QC, signer, DAY1, DAY1, DAY1,
                DAY1.plusSeconds(2), List.of("initiative.html"), List.of(Finding.of(FindingCode.NOT_QUALIFIED, "x", "m")));
        SignatureReport qualified = valid(person("47101010033", TokenType.ID_CARD, false), DAY1);
        AuditReport r = Audit.of(List.of(bundle(DOC, advanced, qualified)), AuditPolicy.forDocument(DOC));
        assertThat(r.signatures().get(0).exclusions()).containsExactly(Exclusion.NOT_QUALIFIED);
        assertThat(r.signatures().get(1).counted()).isTrue();
        assertThat(r.summary().counted()).isEqualTo(1);
    }

    @Test
    void eachReasonIsReportedWithItsCode() {
        List<SignatureReport> sigs = new ArrayList<>();
        sigs.add(invalid(person("38001085718", TokenType.ID_CARD, false), DAY1));
        sigs.add(valid(person("47101010033", TokenType.ID_CARD, true), DAY1));
        sigs.add(valid(person("38001085719", TokenType.ID_CARD, false), DAY1));
        sigs.add(valid(person("61101010001", TokenType.MOBILE_ID, false), DAY1));
        sigs.add(valid(person("37605030299", TokenType.E_RESIDENT_DIGI_ID, false), DAY1));
        sigs.add(valid(new Signer("seal", null, null, "Org", "EE", null, false, TokenType.E_SEAL, false, "CA", "00"), DAY1));
        AuditReport r = Audit.of(List.of(bundle(DOC, sigs.toArray(SignatureReport[]::new))),
                AuditPolicy.forDocument(DOC).withWindow(null, Instant.parse("2026-03-10T00:00:00Z")));
        assertThat(r.signatures().get(0).exclusions()).containsExactly(Exclusion.NOT_VALID);
        assertThat(r.signatures().get(1).exclusions()).containsExactly(Exclusion.TEST_CERTIFICATE);
        assertThat(r.signatures().get(2).exclusions()).containsExactly(Exclusion.BAD_PERSONAL_CODE);
        assertThat(r.signatures().get(3).exclusions()).containsExactly(Exclusion.UNDER_AGE);
        assertThat(r.signatures().get(4).exclusions()).contains(Exclusion.NOT_ELIGIBLE_TOKEN);
        assertThat(r.signatures().get(5).exclusions()).containsExactly(Exclusion.NOT_NATURAL_PERSON);
        assertThat(r.summary().counted()).isZero();
        assertThat(r.summary().excluded()).containsEntry(Exclusion.UNDER_AGE, 1).containsEntry(Exclusion.NOT_VALID, 1);
    }

    @Test
    void ageIsJudgedOnTheSigningDayInEstonia() {
        // born 2010-03-03: 16 from 2026-03-03 00:00 Tallinn time (2026-03-02T22:00Z)
        Signer teen = person("51003030001", TokenType.SMART_ID, false);
        AuditPolicy policy = AuditPolicy.forDocument(DOC);
        assertThat(Audit.of(List.of(bundle(DOC, valid(teen, Instant.parse("2026-03-02T21:59:59Z")))), policy)
                .signatures().get(0).exclusions()).containsExactly(Exclusion.UNDER_AGE);
        assertThat(Audit.of(List.of(bundle(DOC, valid(teen, Instant.parse("2026-03-02T22:00:00Z")))), policy)
                .signatures().get(0).counted()).isTrue();
    }

    @Test
    void theWindowIsInclusiveAndJudgedByTheProvenTime() {
        Signer p = person("38001085718", TokenType.ID_CARD, false);
        AuditPolicy policy = AuditPolicy.forDocument(DOC).withWindow(DAY1, DAY2);
        AuditReport r = Audit.of(List.of(bundle(DOC, valid(p, DAY1), valid(person("47101010033", TokenType.ID_CARD, false),
                DAY2.plusSeconds(1)))), policy);
        assertThat(r.signatures().get(0).counted()).isTrue();
        assertThat(r.signatures().get(1).exclusions()).containsExactly(Exclusion.OUTSIDE_WINDOW);
    }

    @Test
    void aSignatureOnAnotherDocumentDoesNotCount() {
        AuditReport r = Audit.of(List.of(bundle(OTHER, valid(person("38001085718", TokenType.ID_CARD, false), DAY1))),
                AuditPolicy.forDocument(DOC));
        assertThat(r.signatures().get(0).exclusions()).containsExactly(Exclusion.NOT_THE_DOCUMENT);
    }

    @Test
    void aPersonCountsOnceWithTheirLatestValidSignature() {
        Signer p = person("38001085718", TokenType.ID_CARD, false);
        SignatureReport early = valid(p, DAY1);
        SignatureReport late = valid(p, DAY2);
        SignatureReport brokenLater = invalid(p, DAY2.plusSeconds(60));
        AuditReport r = Audit.of(List.of(bundle(DOC, late, early, brokenLater)), AuditPolicy.forDocument(DOC));
        assertThat(r.signatures().get(0).counted()).isTrue();
        assertThat(r.signatures().get(1).exclusions()).containsExactly(Exclusion.DUPLICATE_PERSON);
        assertThat(r.signatures().get(1).duplicateOf()).isEqualTo(new SignatureKey("bundle.asice", late.file()));
        assertThat(r.signatures().get(2).exclusions()).containsExactly(Exclusion.NOT_VALID);
        assertThat(r.signatures().get(0).duplicateOf()).isNull();
        assertThat(r.signatures().get(2).duplicateOf()).as("an invalid signature duplicates nothing").isNull();
        assertThat(r.summary().counted()).isEqualTo(1);
    }

    @Test
    void aDuplicateNamesTheContainerAndFileOfTheSignatureThatCounts() {
        Signer p = person("38001085718", TokenType.ID_CARD, false);
        Signer q = person("47101010033", TokenType.SMART_ID, false);
        SignatureReport first = valid(p, DAY1);
        SignatureReport second = valid(p, DAY1.plusSeconds(60));
        SignatureReport third = valid(p, DAY2);
        SignatureReport other = valid(q, DAY1);
        ContainerReport a = new ContainerReport("2026/a.asice", List.of(),
                List.of(new DataFile("initiative.html", "text/html", 10, DOC)), List.of(third, first));
        ContainerReport b = new ContainerReport("2026/b.asice", List.of(),
                List.of(new DataFile("initiative.html", "text/html", 10, DOC)), List.of(other, second));

        AuditReport r = Audit.of(List.of(a, b), AuditPolicy.forDocument(DOC));

        SignatureKey kept = new SignatureKey("2026/a.asice", third.file());
        assertThat(r.signatures()).extracting(AuditedSignature::key).containsExactly(kept,
                new SignatureKey("2026/a.asice", first.file()), new SignatureKey("2026/b.asice", other.file()),
                new SignatureKey("2026/b.asice", second.file()));
        assertThat(r.signatures()).extracting(AuditedSignature::duplicateOf).containsExactly(null, kept, null, kept);
        assertThat(r.signatures()).filteredOn(s -> s.key().equals(kept)).singleElement()
                .satisfies(s -> assertThat(s.counted()).isTrue());
        assertThat(r.summary().excluded()).containsEntry(Exclusion.DUPLICATE_PERSON, 2);
    }

    @Test
    void onlyADuplicateNamesAnother() {
        SignatureReport s = valid(person("38001085718", TokenType.ID_CARD, false), DAY1);
        SignatureKey key = new SignatureKey("a.asice", "META-INF/signatures0.xml");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new AuditedSignature("a.asice", s, DAY1, List.of(Exclusion.DUPLICATE_PERSON), null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new AuditedSignature("a.asice", s, DAY1, List.of(Exclusion.UNDER_AGE), key))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditedSignature("a.asice", s, DAY1, List.of(Exclusion.DUPLICATE_PERSON), key).duplicateOf())
                .isEqualTo(key);
    }

    @Test
    void theSamePersonAcrossContainersCountsOnce() {
        Signer p = person("38001085718", TokenType.ID_CARD, false);
        AuditReport r = Audit.of(List.of(bundle(DOC, valid(p, DAY1)), bundle(DOC, valid(p, DAY2))), AuditPolicy.forDocument(DOC));
        assertThat(r.summary().counted()).isEqualTo(1);
        assertThat(r.signatures().get(0).exclusions()).containsExactly(Exclusion.DUPLICATE_PERSON);
    }

    @Test
    void aContainerErrorExcludesItsSignatures() {
        ContainerReport c = new ContainerReport("c.asice", List.of(Finding.of(FindingCode.DATA_FILE_UNSIGNED, "x", "m")),
                List.of(new DataFile("initiative.html", "text/html", 10, DOC)),
                List.of(valid(person("38001085718", TokenType.ID_CARD, false), DAY1)));
        assertThat(Audit.of(List.of(c), AuditPolicy.forDocument(DOC)).signatures().get(0).exclusions())
                .containsExactly(Exclusion.CONTAINER_INVALID);
    }

    @Test
    void theThresholdIsReachedAtExactlyTheCount() {
        ContainerReport c = bundle(DOC, valid(person("38001085718", TokenType.ID_CARD, false), DAY1),
                valid(person("47101010033", TokenType.ID_CARD, false), DAY1));
        assertThat(Audit.of(List.of(c), AuditPolicy.forDocument(DOC).withThreshold(2)).summary().thresholdReached()).isTrue();
        assertThat(Audit.of(List.of(c), AuditPolicy.forDocument(DOC).withThreshold(3)).summary().thresholdReached()).isFalse();
    }

    @Test
    void testCertificatesCountOnlyWhenAccepted() {
        ContainerReport c = bundle(DOC, valid(person("47101010033", TokenType.ID_CARD, true), DAY1));
        assertThat(Audit.of(List.of(c), AuditPolicy.forDocument(DOC).acceptingTestCertificates()).summary().counted())
                .isEqualTo(1);
    }

    @Test
    void onlyAPersonalNumberIdentifiesAPerson() {
        AuditReport r = Audit.of(List.of(bundle(DOC,
                valid(identified("IDCEE-AB1234567", TokenType.ID_CARD), DAY1),
                valid(identified("PASEE-K0123456", TokenType.SMART_ID), DAY1),
                valid(identified("IDCEE-38001085719", TokenType.ID_CARD), DAY1),
                valid(identified("IDCEE-38001085718", TokenType.ID_CARD), DAY1),
                valid(identified("PNOEE-47101010033", TokenType.ID_CARD), DAY1))), AuditPolicy.forDocument(DOC));
        for (int i = 0; i < 4; i++) {
            assertThat(r.signatures().get(i).exclusions()).as("signature %d", i).containsExactly(Exclusion.NOT_A_PERSONAL_NUMBER);
            assertThat(r.signatures().get(i).signature().signer().personalCodeValid()).isFalse();
            assertThat(r.signatures().get(i).signature().signer().personalCode()).isNull();
        }
        assertThat(r.signatures().get(4).counted()).isTrue();
        assertThat(r.summary().counted()).isEqualTo(1);
        assertThat(r.summary().excluded()).containsEntry(Exclusion.NOT_A_PERSONAL_NUMBER, 4);
    }

    @Test
    void anIdCardAndAPassportSmartIdOfOnePersonCountOnce() {
        Signer idCard = identified("PNOEE-38001085718", TokenType.ID_CARD);
        Signer passportSmartId = identified("PASEE-K0123456", TokenType.SMART_ID);
        AuditReport r = Audit.of(List.of(bundle(DOC, valid(idCard, DAY1), valid(passportSmartId, DAY2))),
                AuditPolicy.forDocument(DOC));
        assertThat(r.signatures().get(0).counted()).isTrue();
        assertThat(r.signatures().get(1).exclusions()).containsExactly(Exclusion.NOT_A_PERSONAL_NUMBER);
        assertThat(r.summary().counted()).isEqualTo(1);
    }

    @Test
    void anUnknownAgeNeverPassesTheAgeRule() {
        Signer latvian = identified("PNOLV-321806-14495", TokenType.SMART_ID);
        Signer estonian = person("38001085718", TokenType.ID_CARD, false);
        SignatureReport unproven = new SignatureReport("META-INF/signatures-99.xml", "signature", Indication.TOTAL_PASSED,
                null, Profile.B, Qualification.QESIG, estonian, DAY1, null, null, null, List.of("initiative.html"), List.of());
        AuditPolicy latviaToo = AuditPolicy.forDocument(DOC).withEligibleCountries(java.util.Set.of("EE", "LV"));

        AuditReport r = Audit.of(List.of(bundle(DOC, valid(latvian, DAY1), unproven)), latviaToo);

        assertThat(latvian.personalCodeValid()).as("a foreign personal number is kept as given").isTrue();
        assertThat(r.signatures().get(0).exclusions()).containsExactly(Exclusion.AGE_UNKNOWN);
        assertThat(r.signatures().get(1).signedAt()).isNull();
        assertThat(r.signatures().get(1).exclusions()).containsExactly(Exclusion.AGE_UNKNOWN);
        assertThat(r.summary().counted()).isZero();

        AuditReport noAgeRule = Audit.of(List.of(bundle(DOC, valid(latvian, DAY1))), latviaToo.withMinimumAge(0));
        assertThat(noAgeRule.summary().counted()).as("with no minimum age there is nothing to establish").isEqualTo(1);
    }

    @Test
    void aContainerAbandonedPastTheTimeBudgetMakesTheCountIncomplete() {
        ContainerReport counted = bundle(DOC, valid(person("38001085718", TokenType.ID_CARD, false), DAY1));
        ContainerReport abandoned = new ContainerReport("big.asice", List.of(Finding.of(FindingCode.LIMIT_TIME, null, "m")),
                List.of(), List.of());

        AuditSummary summary = Audit.of(List.of(counted, abandoned), AuditPolicy.forDocument(DOC).withThreshold(1)).summary();

        assertThat(summary.complete()).isFalse();
        assertThat(summary.incomplete()).containsExactly("big.asice");
        assertThat(summary.counted()).isEqualTo(1);
        assertThat(summary.thresholdReached()).as("an incomplete count reaches no threshold").isFalse();
        assertThat(Audit.of(List.of(counted), AuditPolicy.forDocument(DOC).withThreshold(1)).summary())
                .extracting(AuditSummary::complete, AuditSummary::thresholdReached).containsExactly(true, true);
    }

    @ParameterizedTest(name = "days {0} to {1}: first instant {2}, last day ends {3}")
    @CsvSource({
            "2026-03-01, 2026-03-10, 2026-02-28T22:00:00Z, 2026-03-10T22:00:00Z",
            "2026-03-29, 2026-03-29, 2026-03-28T22:00:00Z, 2026-03-29T21:00:00Z",
            "2025-10-26, 2025-10-26, 2025-10-25T21:00:00Z, 2025-10-26T22:00:00Z",
            "2025-06-01, 2025-06-30, 2025-05-31T21:00:00Z, 2025-06-30T21:00:00Z"})
    void aWindowOfDaysRunsFromTheFirstDaysStartToTheNextDaysStartAfterTheLast(LocalDate first, LocalDate last,
                                                                             Instant start, Instant nextDay) {
        AuditPolicy policy = AuditPolicy.forDocument(DOC).withDays(first, last);
        Signer a = person("38001085718", TokenType.ID_CARD, false);
        Signer b = person("47101010033", TokenType.ID_CARD, false);
        Signer c = person("37605030299", TokenType.ID_CARD, false);
        Signer d = person("36002290001", TokenType.ID_CARD, false);

        AuditReport r = Audit.of(List.of(bundle(DOC, valid(a, start), valid(b, nextDay.minusMillis(500)),
                valid(c, start.minusMillis(1)), valid(d, nextDay))), policy);

        assertThat(policy.from()).isEqualTo(start);
        assertThat(policy.until()).isEqualTo(nextDay.minusNanos(1));
        assertThat(r.signatures().get(0).counted()).as("00:00:00.000 on the first day").isTrue();
        assertThat(r.signatures().get(1).counted()).as("23:59:59.500 on the last day").isTrue();
        assertThat(r.signatures().get(2).exclusions()).as("23:59:59.999 the day before").containsExactly(Exclusion.OUTSIDE_WINDOW);
        assertThat(r.signatures().get(3).exclusions()).as("00:00:00.000 the day after").containsExactly(Exclusion.OUTSIDE_WINDOW);
    }

    @Test
    void daysOnWhichTheClocksChangeAre23And25HoursLong() {
        AuditPolicy policy = AuditPolicy.forDocument(DOC);
        LocalDate spring = LocalDate.of(2026, 3, 29);
        LocalDate autumn = LocalDate.of(2025, 10, 26);
        assertThat(Duration.between(policy.startOfDay(spring), policy.endOfDay(spring).plusNanos(1))).hasHours(23);
        assertThat(Duration.between(policy.startOfDay(autumn), policy.endOfDay(autumn).plusNanos(1))).hasHours(25);
        assertThat(policy.endOfDay(autumn).atZone(AuditPolicy.ESTONIA))
                .isEqualTo(ZonedDateTime.parse("2025-10-26T23:59:59.999999999+02:00[Europe/Tallinn]"));
    }
}
