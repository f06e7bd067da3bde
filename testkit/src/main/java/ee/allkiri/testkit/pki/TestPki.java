package ee.allkiri.testkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A synthetic PKI shaped like SK ID Solutions' (ESTEID2018 era): an ECDSA P-521 root; issuing
 * CAs for ID-card, digi-ID and e-resident digi-ID ({@value #ESTEID2018}, P-521), for the
 * pre-2018 plain-serialNumber certificates ({@value #ESTEID_SK_2015}), for Smart-ID, Mobile-ID
 * and e-seals ({@value #EID_Q}) and a TEST CA ({@value #TEST_CA}); a delegated AIA OCSP
 * responder per issuing CA (id-kp-OCSPSigning, ocsp-nocheck); a BDOC time-mark responder named
 * {@value #TIME_MARK_RESPONDER}, trusted directly as SK's were; a time-stamping unit (critical
 * id-kp-timeStamping) under its own CA; and, for defects, an OCSP responder no CA authorized
 * and a time-stamping unit nobody trusts.
 *
 * <p>Everything is deterministic from the seed and the epoch (the nominal signing day):
 * certificates, keys and serial numbers come out the same on every run. Personas are issued on
 * demand with {@link #persona(PersonaSpec)} and remembered, so the OCSP responder can answer
 * for them. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TestPki {

    /** The default nominal signing instant: fixed, so that a seed gives the same bytes on every run. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2025-06-02T09:00:00Z");

    public static final String ORGANIZATION = "allkiri testkit";
    public static final String ORGANIZATION_ID = "NTREE-99999999";
    public static final String ROOT = "ALLKIRI ROOT G1E";
    public static final String ESTEID2018 = "ALLKIRI ESTEID2018";
    public static final String ESTEID_SK_2015 = "ALLKIRI ESTEID-SK 2015";
    public static final String EID_Q = "ALLKIRI EID-Q 2021E";
    public static final String TEST_CA = "TEST of ALLKIRI ESTEID2018";
    public static final String TSA_CA = "ALLKIRI TSA CA 2023E";
    public static final String TSA = "ALLKIRI TIMESTAMPING AUTHORITY 2023E";
    /** Named as SK's test time-mark responder, which verifiers allow to issue BDOC time-marks. */
    public static final String TIME_MARK_RESPONDER = "TEST of SK OCSP RESPONDER 2020";
    public static final String ROGUE_RESPONDER = "ALLKIRI UNAUTHORIZED OCSP RESPONDER";
    public static final String UNTRUSTED_TSA = "UNTRUSTED TIMESTAMPING AUTHORITY";

    private static final Duration YEAR = Duration.ofDays(365);
    /** Services (OCSP responders, the TSA) are valid from three years before the epoch to ten after. */
    private static final Duration SERVICE_BEFORE = YEAR.multipliedBy(3);
    private static final Duration SERVICE_AFTER = YEAR.multipliedBy(10);

    private final long seed;
    private final Instant epoch;
    private final KeyCache keys;
    private final int smartIdKeys;
    private final CertificateIssuer issuer = new CertificateIssuer();
    private final Authority root;
    private final Authority esteid2018;
    private final Authority esteidSk2015;
    private final Authority eidQ;
    private final Authority testCa;
    private final Authority tsaCa;
    private final Authority tsa;
    private final Authority timeMarkResponder;
    private final Authority rogueResponder;
    private final Authority untrustedTsa;
    private final Map<Authority, Authority> aiaResponders = new LinkedHashMap<>();
    private final Map<PersonaSpec, Persona> personas = new ConcurrentHashMap<>();
    private final Map<BigInteger, Persona> bySerial = new ConcurrentHashMap<>();

    private TestPki(Builder b) {
        this.seed = b.seed;
        this.epoch = b.epoch;
        this.keys = b.keys != null ? b.keys : new KeyCache(new BouncyCastleProvider());
        this.smartIdKeys = b.smartIdKeys;
        Instant caFrom = epoch.minus(YEAR.multipliedBy(5));
        Instant caUntil = epoch.plus(YEAR.multipliedBy(20));
        root = authority(CertificateIssuer.Profile.CA, ROOT, KeyType.EC_P521, null, epoch.minus(YEAR.multipliedBy(6)),
                epoch.plus(YEAR.multipliedBy(25)));
        esteid2018 = ca(ESTEID2018, KeyType.EC_P521, caFrom, caUntil);
        esteidSk2015 = ca(ESTEID_SK_2015, KeyType.EC_P384, caFrom, caUntil);
        eidQ = ca(EID_Q, KeyType.EC_P384, caFrom, caUntil);
        testCa = ca(TEST_CA, KeyType.EC_P384, caFrom, caUntil);
        tsaCa = ca(TSA_CA, KeyType.EC_P384, caFrom, caUntil);
        Instant serviceFrom = epoch.minus(SERVICE_BEFORE);
        Instant serviceUntil = epoch.plus(SERVICE_AFTER);
        tsa = authority(CertificateIssuer.Profile.TSA, TSA, KeyType.EC_P256, tsaCa, serviceFrom, serviceUntil);
        for (Authority ca : List.of(esteid2018, esteidSk2015, eidQ, testCa)) {
            String name = ca.commonName() + " AIA OCSP RESPONDER " + serviceFrom.toString().substring(0, 4);
            aiaResponders.put(ca, authority(CertificateIssuer.Profile.OCSP, name, KeyType.EC_P256, ca, serviceFrom,
                    serviceUntil));
        }
        timeMarkResponder = authority(CertificateIssuer.Profile.OCSP, TIME_MARK_RESPONDER, KeyType.EC_P256, root,
                serviceFrom, serviceUntil);
        rogueResponder = authority(CertificateIssuer.Profile.OCSP, ROGUE_RESPONDER, KeyType.EC_P256, eidQ,
                serviceFrom, serviceUntil);
        Authority untrustedRoot = authority(CertificateIssuer.Profile.CA, "UNTRUSTED TSA ROOT", KeyType.EC_P256, null,
                caFrom, caUntil);
        untrustedTsa = authority(CertificateIssuer.Profile.TSA, UNTRUSTED_TSA, KeyType.EC_P256, untrustedRoot,
                serviceFrom, serviceUntil);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A PKI for the seed at {@link #DEFAULT_EPOCH}, with its own key cache. */
    public static TestPki create(long seed) {
        return builder().seed(seed).build();
    }

    private Authority ca(String name, KeyType type, Instant from, Instant until) {
        return authority(CertificateIssuer.Profile.CA, name, type, root, from, until);
    }

    private Authority authority(CertificateIssuer.Profile profile, String name, KeyType type, Authority parent,
                                Instant from, Instant until) {
        return authority(profile, name, "authority:" + name, "authority:" + name, type, parent, from, until);
    }

    /** An authority whose key derives from the seed and {@code keyLabel}, its serial number from {@code serialLabel}. */
    private Authority authority(CertificateIssuer.Profile profile, String name, String keyLabel, String serialLabel,
                                KeyType type, Authority parent, Instant from, Instant until) {
        KeyPair pair = keys.keyPair(seed, keyLabel, type);
        KeySigner signer = new KeySigner(pair.getPrivate(), type, keys.provider());
        List<String> policies = profile == CertificateIssuer.Profile.CA && parent != null
                ? List.of(CertificateIssuer.ANY_POLICY.getId()) : List.of();
        X509Certificate certificate = issuer.issue(profile, organizationName(name), pair.getPublic(),
                SeededRandom.serial(seed, serialLabel), from, until, parent, signer, policies, false,
                null, parent == null ? null : "http://c.testkit.invalid/" + slug(parent.commonName()) + ".der.crt");
        return new Authority(name, certificate, signer, parent);
    }

    /**
     * An OCSP responder certificate made to order (see {@link ResponderSpec}): equal specs give
     * the same certificate, specs with one key label the same key.
     */
    public Authority responder(ResponderSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Instant from = spec.notBefore() != null ? spec.notBefore() : epoch.minus(SERVICE_BEFORE);
        Instant until = spec.notAfter() != null ? spec.notAfter() : epoch.plus(SERVICE_AFTER);
        CertificateIssuer.Profile profile = spec.noCheck() ? CertificateIssuer.Profile.OCSP
                : CertificateIssuer.Profile.OCSP_WITHOUT_NOCHECK;
        return authority(profile, spec.commonName(), "responder:" + spec.keyLabel(), "responder:" + spec, KeyType.EC_P256,
                spec.issuer(), from, until);
    }

    private static X500Name organizationName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "EE")
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, ORGANIZATION_ID)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The persona for the spec, issued on first request and the same afterwards. Its key is its
     * own (Smart-ID RSA keys come from a small pool, since RSA key generation is slow).
     */
    public Persona persona(PersonaSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Persona existing = personas.get(spec);
        if (existing != null) {
            return existing;
        }
        Persona made = PersonaFactory.issue(this, spec);
        Persona winner = personas.putIfAbsent(spec, made);
        if (winner != null) {
            return winner;
        }
        bySerial.put(made.certificate().getSerialNumber(), made);
        return made;
    }

    /** A persona issued by this PKI, by its certificate's serial number. */
    public Optional<Persona> persona(BigInteger serial) {
        return Optional.ofNullable(bySerial.get(serial));
    }

    /** The issuing CA for a spec. */
    Authority issuerFor(PersonaSpec spec) {
        if (spec.testChain()) {
            return testCa;
        }
        if (spec.plainSerial()) {
            return esteidSk2015;
        }
        return switch (spec.token()) {
            case ID_CARD, DIGI_ID, E_RESIDENT_DIGI_ID -> esteid2018;
            case MOBILE_ID, SMART_ID, E_SEAL -> eidQ;
            case UNKNOWN -> throw new IllegalArgumentException("no CA issues UNKNOWN tokens");
        };
    }

    /**
     * A persona's key pair. RSA keys (Smart-ID) come from a small pool shared by every seed, so
     * that PKIs sharing a {@link KeyCache} generate them once; they are still deterministic.
     */
    KeyPair personaKeyPair(PersonaSpec spec, KeyType type) {
        if (type == KeyType.RSA_2048) {
            return keys.keyPair(0, "smart-id-pool:" + Math.floorMod(spec.code().hashCode(), smartIdKeys), type);
        }
        return keys.keyPair(seed, "persona:" + spec.label(), type);
    }

    CertificateIssuer issuer() {
        return issuer;
    }

    public long seed() {
        return seed;
    }

    /** The nominal signing day: personas are valid around it by default. */
    public Instant epoch() {
        return epoch;
    }

    /** The Bouncy Castle provider instance this PKI signs with (never registered globally). */
    public Provider provider() {
        return keys.provider();
    }

    public Authority root() {
        return root;
    }

    /** The ESTEID2018-like CA: ID-card, digi-ID, e-resident digi-ID. */
    public Authority esteid2018() {
        return esteid2018;
    }

    /** The ESTEID-SK 2015-like CA: certificates with the bare personal code as serialNumber. */
    public Authority esteidSk2015() {
        return esteidSk2015;
    }

    /** The EID-Q-like CA: Smart-ID, Mobile-ID, e-seals. */
    public Authority eidQ() {
        return eidQ;
    }

    /** The TEST CA: its certificates are flagged TEST by verifiers. */
    public Authority testCa() {
        return testCa;
    }

    public Authority tsa() {
        return tsa;
    }

    /** A time-stamping unit whose chain is not in {@link #trustAnchors()}. */
    public Authority untrustedTsa() {
        return untrustedTsa;
    }

    /** The delegated OCSP responder of an issuing CA. */
    public Authority ocspResponder(Authority ca) {
        Authority responder = aiaResponders.get(ca);
        if (responder == null) {
            throw new IllegalArgumentException("no AIA OCSP responder for " + ca);
        }
        return responder;
    }

    /** The responder a persona's issuer delegated OCSP to. */
    public Authority ocspResponder(Persona persona) {
        return ocspResponder(persona.issuer());
    }

    /** The BDOC time-mark responder ({@value #TIME_MARK_RESPONDER}), a trust anchor. */
    public Authority timeMarkResponder() {
        return timeMarkResponder;
    }

    /** An OCSP responder of the EID-Q-like CA: not authorized to answer for other CAs' certificates. */
    public Authority rogueResponder() {
        return rogueResponder;
    }

    /** The URL a persona's certificate names for OCSP. */
    public String ocspUrl(Authority ca) {
        return "http://ocsp.testkit.invalid/" + slug(ca.commonName());
    }

    /**
     * What a verifier should trust: the root, the issuing CAs, the TSA CA and unit, and the
     * time-mark responder (as real trust lists carry SK's service certificates).
     */
    public List<X509Certificate> trustAnchors() {
        List<X509Certificate> out = new ArrayList<>();
        for (Authority a : List.of(root, esteid2018, esteidSk2015, eidQ, testCa, tsaCa, tsa, timeMarkResponder)) {
            out.add(a.certificate());
        }
        return out;
    }

    /** Writes {@link #trustAnchors()} as PEM files (one per certificate) into the directory; returns it. */
    public Path writeTrust(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Authority a : List.of(root, esteid2018, esteidSk2015, eidQ, testCa, tsaCa, tsa, timeMarkResponder)) {
            Files.writeString(dir.resolve(slug(a.commonName()) + ".pem"), Pem.certificate(a.certificate()),
                    StandardCharsets.US_ASCII);
        }
        return dir;
    }

    /** Configures a {@link TestPki}. */
    public static final class Builder {
        private long seed = 1;
        private Instant epoch = DEFAULT_EPOCH;
        private KeyCache keys;
        private int smartIdKeys = 2;

        private Builder() {
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The nominal signing instant (default {@link #DEFAULT_EPOCH}). */
        public Builder epoch(Instant value) {
            this.epoch = Objects.requireNonNull(value);
            return this;
        }

        /** A key cache to share with other PKIs of the run (default: a new one). */
        public Builder keys(KeyCache value) {
            this.keys = Objects.requireNonNull(value);
            return this;
        }

        /** How many distinct RSA keys the Smart-ID personas share (default 2). */
        public Builder smartIdKeys(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("at least one key");
            }
            this.smartIdKeys = value;
            return this;
        }

        public TestPki build() {
            return new TestPki(this);
        }
    }
}
