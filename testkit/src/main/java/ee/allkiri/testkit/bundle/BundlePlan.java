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

    /**
     * One planned signature.
     *
     * @param timestamp the time-stamp's time when it is not one second after {@code signingTime} (probes), else null
     */
    record Entry(PersonaSpec persona, PlantedDefect defect, Instant signingTime, boolean superseded, Instant timestamp) {
        Entry(PersonaSpec persona, PlantedDefect defect, Instant signingTime, boolean superseded) {
            this(persona, defect, signingTime, superseded, null);
        }

        Entry supersede() {
            return new Entry(persona, defect, signingTime, true, timestamp);
        }

        /** A probe time-stamped at {@code timestamp} (to the millisecond), signed the whole second before it. */
        static Entry at(PersonaSpec persona, PlantedDefect defect, Instant timestamp) {
            return new Entry(persona, defect, timestamp.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), false, timestamp);
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
        if (spec.probes()) {
            Entry holder = clean.stream().map(entries::get).filter(e -> e.persona().token() == TokenType.ID_CARD)
                    .filter(e -> !e.persona().plainSerial()).findFirst().orElse(null);
            entries.addAll(probes(spec, codes, holder));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.persona().code()).thenComparing(Entry::signingTime));
        return entries;
    }

    private static PlantedDefect defect(Random random, double rate) {
        double r = random.nextDouble();
        for (int k = 1; k <= PlantedDefect.RANDOM.size(); k++) {
            if (r < rate * k) {
                return PlantedDefect.RANDOM.get(k - 1);
            }
        }
        return PlantedDefect.NONE;
    }

    /**
     * The counting probes (from a random stream of their own, so the seed's other signatures stay
     * as they are): three signers identified by a document number (an ID-card number, an
     * ID-card number of eleven digits with a wrong check digit, and the passport-registered
     * Smart-ID of a clean ID-card signer of the bundle), a pre-2018 e-resident digi-ID, a Latvian
     * personal number, and one signature on each side of each edge of the window's days.
     */
    private static List<Entry> probes(BundleSpec spec, Set<String> codes, Entry idCardHolder) {
        Random random = new Random(spec.seed() * 31 + 18);
        LocalDate day = LocalDate.ofInstant(spec.epoch(), ZoneOffset.UTC);
        Instant middle = spec.epoch().truncatedTo(ChronoUnit.SECONDS);
        List<Entry> out = new ArrayList<>();
        String cardNumber = "A" + (char) ('A' + random.nextInt(26)) + String.format("%07d", random.nextInt(10_000_000));
        out.add(new Entry(PersonaSpec.idCard("Ene", "Kaart", cardNumber).withIdentifier("IDC", "EE", cardNumber),
                PlantedDefect.NOT_A_PERSONAL_NUMBER, middle, false));
        String lookalike = PersonalCodes.withWrongCheckDigit(unique(codes, random, day.minusYears(40)));
        out.add(new Entry(PersonaSpec.idCard("Olev", "Kaart", lookalike).withIdentifier("IDC", "EE", lookalike),
                PlantedDefect.NOT_A_PERSONAL_NUMBER, middle.plusSeconds(60), false));
        PersonaSpec holder = idCardHolder != null ? idCardHolder.persona()
                : PersonaSpec.idCard("Kadri", "Pass", unique(codes, random, day.minusYears(33)));
        if (idCardHolder == null) {
            out.add(new Entry(holder, PlantedDefect.NONE, middle.minusSeconds(3600), false));
        }
        String passport = "K" + String.format("%07d", random.nextInt(10_000_000));
        out.add(new Entry(PersonaSpec.smartId(holder.givenName(), holder.surname(), passport)
                .withIdentifier("PAS", "EE", passport), PlantedDefect.NOT_A_PERSONAL_NUMBER, middle.plusSeconds(120), false));
        out.add(new Entry(PersonaSpec.eResidentDigiId("Pekka", "Virtanen", unique(codes, random, day.minusYears(45)))
                .withPlainSerial(), PlantedDefect.E_RESIDENT_DIGI_ID, middle.plusSeconds(180), false));
        String latvian = String.format("32%04d-%05d", random.nextInt(10_000), random.nextInt(100_000));
        out.add(new Entry(PersonaSpec.smartId("Janis", "Berzins", latvian).withIdentifier("PNO", "LV", latvian),
                PlantedDefect.AGE_UNKNOWN, middle.plusSeconds(240), false));
        Instant firstStart = spec.windowFrom();
        Instant nextDayStart = spec.windowUntil().plusNanos(1);
        out.add(Entry.at(edgePerson(codes, random, day, "Esimene"), PlantedDefect.DAY_EDGE_INSIDE, firstStart));
        out.add(Entry.at(edgePerson(codes, random, day, "Viimane"), PlantedDefect.DAY_EDGE_INSIDE,
                nextDayStart.minusMillis(500)));
        out.add(Entry.at(edgePerson(codes, random, day, "Varajane"), PlantedDefect.DAY_EDGE_OUTSIDE,
                firstStart.minusMillis(1)));
        out.add(Entry.at(edgePerson(codes, random, day, "Hiline"), PlantedDefect.DAY_EDGE_OUTSIDE, nextDayStart));
        return out;
    }

    private static PersonaSpec edgePerson(Set<String> codes, Random random, LocalDate day, String surname) {
        return PersonaSpec.mobileId("Aeg", surname, unique(codes, random, day.minusYears(30)));
    }

    /** A personal code of someone born some days before {@code around}, not yet used in the bundle. */
    private static String unique(Set<String> codes, Random random, LocalDate around) {
        String code;
        do {
            code = PersonalCodes.of(around.minusDays(random.nextInt(3650)), random.nextBoolean(), random.nextInt(1000));
        } while (!codes.add(code));
        return code;
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
        List<Exclusion> exclusions = switch (e.defect()) {
            case INVALID_SIGNATURE, REVOKED -> List.of(Exclusion.NOT_VALID);
            case UNDER_AGE -> List.of(Exclusion.UNDER_AGE);
            case SIGNED_AFTER_DEADLINE, DAY_EDGE_OUTSIDE -> List.of(Exclusion.OUTSIDE_WINDOW);
            case TEST_CERTIFICATE -> List.of(Exclusion.TEST_CERTIFICATE);
            case NOT_A_PERSONAL_NUMBER -> List.of(Exclusion.NOT_A_PERSONAL_NUMBER);
            case E_RESIDENT_DIGI_ID -> List.of(Exclusion.NOT_ELIGIBLE_TOKEN);
            case AGE_UNKNOWN -> List.of(Exclusion.AGE_UNKNOWN, Exclusion.NOT_ELIGIBLE_COUNTRY);
            case NONE, DUPLICATE_PERSON, DAY_EDGE_INSIDE -> e.superseded() ? List.of(Exclusion.DUPLICATE_PERSON) : List.of();
        };
        return new AnswerKeyRow(file, e.persona().code(), e.persona().token(), e.defect(),
                valid ? Indication.TOTAL_PASSED : Indication.TOTAL_FAILED, exclusions.isEmpty(), exclusions, timestamp,
                e.persona().serialNumber());
    }
}
