package ee.allkiri.testkit.xades;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.service.OcspStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One signature to write: who signs which files, at which level and times, through which
 * services, with which faults. Build it with {@link #builder(Persona, List)}; unset times follow
 * the real order (time-stamp one second after signing, OCSP two seconds after that).
 *
 * @param persona        the signer
 * @param files          the files the signature covers
 * @param level          B, T, LT, LTA or LT_TM
 * @param style          how parts are named (DSS or undersign)
 * @param id             the signature's Id (DSS style; undersign always uses "signature")
 * @param signingTime    the claimed xades:SigningTime
 * @param timestampTime  the signature time-stamp's genTime
 * @param ocspTime       the OCSP response's producedAt
 * @param archiveTime    the archive time-stamp's genTime (LTA)
 * @param tsa            the time-stamping unit, or null for the PKI's
 * @param ocspResponder  the OCSP responder, or null for the persona CA's (LT) or the time-mark responder (LT_TM)
 * @param ocspStatus     the status the response gives, or null for the persona's real status
 * @param timestampC14n  whether SignatureTimeStamp names its canonicalization method (undersign omits it)
 * @param policy         whether SignedProperties names the BDOC 2.1 policy (always for LT_TM)
 * @param tampers        faults to build in
 * @since 0.1.0
 */
public record SignatureSpec(Persona persona, List<DataFile> files, Level level, IdStyle style, String id,
                            Instant signingTime, Instant timestampTime, Instant ocspTime, Instant archiveTime,
                            Authority tsa, Authority ocspResponder, OcspStatus ocspStatus, boolean timestampC14n,
                            boolean policy, Set<Tamper> tampers) {

    public SignatureSpec {
        Objects.requireNonNull(persona, "persona");
        files = List.copyOf(files);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(signingTime, "signingTime");
        tampers = tampers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tampers));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a signature covers at least one file");
        }
    }

    public static Builder builder(Persona persona, List<DataFile> files) {
        return new Builder(persona, files);
    }

    /** The time-stamp's time: as given, else one second after signing. */
    public Instant effectiveTimestampTime() {
        return timestampTime != null ? timestampTime : signingTime.plusSeconds(1);
    }

    /** The OCSP time: as given, else two seconds after the time-stamp (one after signing for LT_TM). */
    public Instant effectiveOcspTime() {
        if (ocspTime != null) {
            return ocspTime;
        }
        return level == Level.LT_TM ? signingTime.plusSeconds(1) : effectiveTimestampTime().plusSeconds(2);
    }

    /** The archive time-stamp's time: as given, else a minute after the OCSP response. */
    public Instant effectiveArchiveTime() {
        return archiveTime != null ? archiveTime : effectiveOcspTime().plus(Duration.ofMinutes(1));
    }

    public boolean has(Tamper tamper) {
        return tampers.contains(tamper);
    }

    /** Configures a {@link SignatureSpec}. */
    public static final class Builder {
        private final Persona persona;
        private final List<DataFile> files;
        private Level level = Level.LT;
        private IdStyle style = IdStyle.DSS;
        private String id = "S0";
        private Instant signingTime;
        private Instant timestampTime;
        private Instant ocspTime;
        private Instant archiveTime;
        private Authority tsa;
        private Authority ocspResponder;
        private OcspStatus ocspStatus;
        private boolean timestampC14n = true;
        private Boolean policy;
        private final Set<Tamper> tampers = EnumSet.noneOf(Tamper.class);

        private Builder(Persona persona, List<DataFile> files) {
            this.persona = persona;
            this.files = files;
        }

        public Builder level(Level value) {
            this.level = value;
            return this;
        }

        public Builder style(IdStyle value) {
            this.style = value;
            return this;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder signingTime(Instant value) {
            this.signingTime = value;
            return this;
        }

        public Builder timestampTime(Instant value) {
            this.timestampTime = value;
            return this;
        }

        public Builder ocspTime(Instant value) {
            this.ocspTime = value;
            return this;
        }

        public Builder archiveTime(Instant value) {
            this.archiveTime = value;
            return this;
        }

        public Builder tsa(Authority value) {
            this.tsa = value;
            return this;
        }

        public Builder ocspResponder(Authority value) {
            this.ocspResponder = value;
            return this;
        }

        public Builder ocspStatus(OcspStatus value) {
            this.ocspStatus = value;
            return this;
        }

        /** Leave ds:CanonicalizationMethod out of SignatureTimeStamp, as undersign 0.1.337 does. */
        public Builder withoutTimestampC14n() {
            this.timestampC14n = false;
            return this;
        }

        public Builder policy(boolean value) {
            this.policy = value;
            return this;
        }

        public Builder tamper(Tamper... values) {
            tampers.addAll(List.of(values));
            return this;
        }

        public SignatureSpec build() {
            Objects.requireNonNull(signingTime, "signingTime");
            boolean withPolicy = policy != null ? policy : level == Level.LT_TM;
            return new SignatureSpec(persona, files, level, style, id, signingTime, timestampTime, ocspTime, archiveTime, tsa,
                    ocspResponder, ocspStatus, timestampC14n, withPolicy, tampers);
        }
    }
}
