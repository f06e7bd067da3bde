package ee.allkiri.testkit.bundle;

import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.core.Indication;
import ee.allkiri.core.TokenType;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Decides, from the seed alone, who signs a bundle, with which token, when, and what is planted
 * where; and what the answer key says about each signature. Signatures are ordered by personal
 * code (then time) as rahvaalgatus exports them.
 */
final class BundlePlan {

    /** One planned signature. */
    record Entry(PersonaSpec persona, PlantedDefect defect, Instant signingTime, boolean superseded) {
        Entry supersede() {
            return new Entry(persona, defect, signingTime, true);
        }
    }

    private static final List<String> GIVEN = List.of("Mari", "Jaan", "Kadri", "Peeter", "Liis", "Toomas", "Anu", "Rein",
            "Kersti", "Mart", "Tiina", "Andres", "Eve", "Priit", "Maarja", "Indrek", "Kaja", "Urmas", "Siiri", "Hendrik", "Õie",
            "Ülo");
    private static final List<String> SURNAMES = List.of("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves",
            "Pärn", "Koppel", "Lepik", "Kuusk", "Karu", "Lill", "Vaher", "Kallas", "Mets", "Org", "Õun", "Jõgi", "Raud", "Ots");

    private BundlePlan() {
    }

    static List<Entry> plan(BundleSpec spec) {
        Random random = new Random(spec.seed());
        Set<String> codes = new HashSet<>();
        List<Entry> entries = new ArrayList<>(spec.signers());
        List<Integer> clean = new ArrayList<>();
        long window = Duration.between(spec.windowFrom(), spec.windowUntil()).getSeconds();
        for (int i = 0; i < spec.signers(); i++) {
            PlantedDefect defect = defect(random, spec.defectRate());
            Instant at = spec.windowFrom().plusSeconds(3600 + (long) (random.nextDouble() * (window - 7200)));
            if (defect == PlantedDefect.DUPLICATE_PERSON) {
                Integer earlier = clean.isEmpty() ? null : clean.remove(random.nextInt(clean.size()));
                if (earlier != null) {
                    Entry first = entries.get(earlier);
                    entries.set(earlier, first.supersede());
                    Instant later = first.signingTime().plusSeconds(
                            1 + Duration.between(first.signingTime(), spec.windowUntil()).getSeconds() / 2);
                    PersonaSpec again = random.nextBoolean() ? first.persona()
                            : person(otherToken(first.persona().token()), first.persona());
                    entries.add(new Entry(again, defect, later.truncatedTo(ChronoUnit.SECONDS), false));
                    continue;
                }
                defect = PlantedDefect.NONE;
            }
            if (defect == PlantedDefect.SIGNED_AFTER_DEADLINE) {
                at = spec.windowUntil().plusSeconds(3600 + random.nextInt(5 * 86400));
            }
            at = at.truncatedTo(ChronoUnit.SECONDS);
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            LocalDate birth = defect == PlantedDefect.UNDER_AGE
                    ? day.minusYears(spec.minAge() - 3).minusDays(random.nextInt(3 * 365 - 30))
                    : day.minusYears(spec.minAge() + 2).minusDays(random.nextInt(65 * 365));
            String code;
            do {
                code = PersonalCodes.of(birth, random.nextBoolean(), random.nextInt(1000));
            } while (!codes.add(code));
            PersonaSpec persona = person(token(random), GIVEN.get(random.nextInt(GIVEN.size())),
                    SURNAMES.get(random.nextInt(SURNAMES.size())), code, random.nextInt(20) == 0);
            if (defect == PlantedDefect.TEST_CERTIFICATE) {
                persona = persona.token() == TokenType.ID_CARD || persona.token() == TokenType.DIGI_ID
                        ? persona.withTestChain() : person(TokenType.ID_CARD, persona).withTestChain();
            }
            if (defect == PlantedDefect.REVOKED) {
                persona = persona.withRevokedAt(at.minus(Duration.ofDays(1)));
            }
            if (defect == PlantedDefect.NONE && at.isBefore(spec.windowUntil().minus(Duration.ofHours(2)))) {
                clean.add(entries.size());
            }
            entries.add(new Entry(persona, defect, at, false));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.persona().code()).thenComparing(Entry::signingTime));
        return entries;
    }

    private static PlantedDefect defect(Random random, double rate) {
        double r = random.nextDouble();
        PlantedDefect[] kinds = PlantedDefect.values();
        for (int k = 1; k < kinds.length; k++) {
            if (r < rate * k) {
                return kinds[k];
            }
        }
        return PlantedDefect.NONE;
    }

    /** ID-card 45 %, digi-ID 5 %, Mobile-ID 25 %, Smart-ID 25 %. */
    private static TokenType token(Random random) {
        int r = random.nextInt(100);
        return r < 45 ? TokenType.ID_CARD : r < 50 ? TokenType.DIGI_ID : r < 75 ? TokenType.MOBILE_ID : TokenType.SMART_ID;
    }

    private static TokenType otherToken(TokenType token) {
        return token == TokenType.SMART_ID ? TokenType.ID_CARD : TokenType.SMART_ID;
    }

    private static PersonaSpec person(TokenType token, String given, String surname, String code, boolean plain) {
        PersonaSpec spec = switch (token) {
            case DIGI_ID -> PersonaSpec.digiId(given, surname, code);
            case MOBILE_ID -> PersonaSpec.mobileId(given, surname, code);
            case SMART_ID -> PersonaSpec.smartId(given, surname, code);
            default -> PersonaSpec.idCard(given, surname, code);
        };
        return plain && token != TokenType.SMART_ID ? spec.withPlainSerial() : spec;
    }

    private static PersonaSpec person(TokenType token, PersonaSpec like) {
        return person(token, like.givenName(), like.surname(), like.code(), false);
    }

    /** What the answer key says about a planned signature, time-stamped at {@code timestamp}. */
    static AnswerKeyRow answer(String file, Entry e, Instant timestamp) {
        boolean valid = e.defect() != PlantedDefect.INVALID_SIGNATURE && e.defect() != PlantedDefect.REVOKED;
        Exclusion exclusion = switch (e.defect()) {
            case INVALID_SIGNATURE, REVOKED -> Exclusion.NOT_VALID;
            case UNDER_AGE -> Exclusion.UNDER_AGE;
            case SIGNED_AFTER_DEADLINE -> Exclusion.OUTSIDE_WINDOW;
            case TEST_CERTIFICATE -> Exclusion.TEST_CERTIFICATE;
            case NONE, DUPLICATE_PERSON -> e.superseded() ? Exclusion.DUPLICATE_PERSON : null;
        };
        return new AnswerKeyRow(file, e.persona().code(), e.persona().token(), e.defect(),
                valid ? Indication.TOTAL_PASSED : Indication.TOTAL_FAILED, exclusion == null, exclusion, timestamp);
    }
}
