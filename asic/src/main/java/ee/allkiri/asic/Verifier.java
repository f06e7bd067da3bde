package ee.allkiri.asic;

import ee.allkiri.asic.container.ContainerLimits;
import ee.allkiri.asic.container.ContainerReader;
import ee.allkiri.asic.container.DataFileEntry;
import ee.allkiri.asic.container.EntryReadException;
import ee.allkiri.asic.container.ManifestEntry;
import ee.allkiri.asic.container.MimetypeLeniency;
import ee.allkiri.asic.container.ParsedContainer;
import ee.allkiri.asic.dss.AllkiriPolicy;
import ee.allkiri.asic.dss.DataFileDocument;
import ee.allkiri.asic.dss.DssEngine;
import ee.allkiri.asic.signature.SignatureInputs;
import ee.allkiri.asic.signature.SignatureVerifier;
import ee.allkiri.asic.signature.VerifierSettings;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.ocsp.OcspVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies ASiC-E / BDOC containers, with XAdES signatures ({@code META-INF/*signatures*.xml})
 * or CAdES signatures over an ASiCManifest ({@code META-INF/*signature*.p7s}). Build one with
 * {@link #builder()}, keep it, and share it: it is immutable and thread-safe, and building it
 * (loading trust, preparing DSS) is the expensive part.
 *
 * <p>A container that is malformed, tampered with or signed badly is a {@link ContainerReport}
 * with findings, never an exception. Exceptions mean the verifier could not do its work: the
 * file cannot be read, or (at build time) the trust material cannot be loaded.
 *
 * <p>Trust comes from {@link Builder#trust}: plain anchors, or trusted lists whose services'
 * status history decides qualification at the signing time. A trusted list past its next
 * update at the validation time gives a {@code TRUST_LIST_STALE} warning on every container
 * (an error with {@link Builder#rejectStaleTrustLists()}, nothing with
 * {@link Builder#acceptStaleTrustLists()}).
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .trust(new CertificateFolderTrustSource(Path.of("trust")))
 *         .build();
 * ContainerReport report = verifier.verify(Path.of("petition.asice"));
 * }</pre>
 */
public final class Verifier {

    /** OCSP responders SK ID Solutions used for BDOC time-marks (production and test): the policy's default. */
    public static final Set<String> DEFAULT_TIME_MARK_RESPONDERS = VerificationPolicy.SK_TIME_MARK_RESPONDERS;

    private final ContainerReader reader;
    private final SignatureVerifier signatures;
    private final Clock clock;
    private final Instant fixedTime;
    private final TrustMaterial trust;
    private final boolean strictMimetype;
    private final TrustFreshness.Policy stalePolicy;
    private final java.util.concurrent.Executor executor;
    private final TimeBudget budget;
    private final VerificationPolicy policy;

    private Verifier(Builder b, TrustMaterial trust) {
        this.trust = trust;
        this.reader = new ContainerReader(b.limits);
        this.clock = b.clock;
        this.fixedTime = b.validationTime;
        this.strictMimetype = b.strictMimetype;
        this.stalePolicy = b.stalePolicy;
        this.executor = b.executor;
        this.budget = new TimeBudget(b.limits);
        this.policy = b.policy;
        DssEngine engine = new DssEngine(trust, AllkiriPolicy.create(b.policy));
        VerifierSettings settings = new VerifierSettings(b.rejectNonDer, b.requireQualified, b.strictTimestampCanonicalization);
        java.security.Provider provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        OcspVerifier ocsp = OcspVerifier.builder()
                .trusted(trust.services().stream().map(TrustedService::certificate).toList())
                .timeMarkResponders(b.policy.timeMarkResponders())
                .provider(provider)
                .build();
        this.signatures = new SignatureVerifier(engine, AllkiriPolicy.timeMark(b.policy), trust, b.policy, settings, ocsp,
                b.revocationSource, provider, !b.fullValidationOnly);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts since the verifier was built.
     *
     * @param fastPath       signatures the fast path passed
     * @param fullValidation signatures DSS validated
     */
    public record Statistics(long fastPath, long fullValidation) {
    }

    /** How the signatures verified so far were checked. */
    public Statistics statistics() {
        SignatureVerifier.Statistics s = signatures.statistics();
        return new Statistics(s.fastPath(), s.fullValidation());
    }

    /** The verification policy this verifier applies. */
    public VerificationPolicy policy() {
        return policy;
    }

    /** The trust material this verifier was built with. */
    public TrustMaterial trust() {
        return trust;
    }

    /**
     * Verifies a container file, within the time budget of the limits for its number of signatures
     * ({@link ContainerLimits#timeBudgetFor(int)}; {@code LIMIT_TIME} past it).
     *
     * @throws IOException only when the file cannot be read at all
     */
    public ContainerReport verify(Path file) throws IOException {
        return verify(file, VerificationListener.NONE);
    }

    /**
     * Verifies a container file, telling {@code listener} about each signature as its report is
     * ready (for progress on large bundles), within the time budget of the limits. The listener
     * is called on the verifying thread, not the caller's.
     *
     * @throws IOException only when the file cannot be read at all
     */
    public ContainerReport verify(Path file, VerificationListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        return budget.run(file.toString(), signatures -> {
            try (ParsedContainer parsed = reader.read(file)) {
                return verify(parsed, file.toString(), listener, signatures);
            }
        });
    }

    /**
     * Verifies a container held in memory, within the time budget of the limits ({@code LIMIT_TIME}
     * past it). Never throws for bad content.
     */
    public ContainerReport verify(byte[] container, String name) {
        try {
            return budget.run(name, signatures -> {
                try (ParsedContainer parsed = reader.read(container)) {
                    return verify(parsed, name, VerificationListener.NONE, signatures);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("closing an in-memory container failed", e);
        }
    }

    /**
     * Reads a container from a stream (an upload) and verifies it. At most the configured
     * maximum total size is read; a larger stream is a finding, not an OutOfMemoryError.
     */
    public ContainerReport verify(InputStream in, String name) throws IOException {
        long cap = reader.limits().maxTotalSize();
        byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
        if (bytes.length > cap) {
            return new ContainerReport(name, List.of(Finding.of(FindingCode.LIMIT_TOTAL_SIZE, null,
                    "the upload is larger than " + cap + " bytes")), List.of(), List.of());
        }
        return verify(bytes, name);
    }

    private ContainerReport verify(ParsedContainer parsed, String path, VerificationListener listener,
                                   java.util.function.IntConsumer signatureCount) {
        List<Finding> findings = new ArrayList<>(MimetypeLeniency.apply(parsed.findings(), path, strictMimetype));
        if (!parsed.isReadable()) {
            return new ContainerReport(path, findings, List.of(), List.of());
        }
        signatureCount.accept(parsed.signatureFiles().size()); // the time budget grows with the signatures
        Instant at = fixedTime != null ? fixedTime : clock.instant();
        findings.addAll(TrustFreshness.check(trust, at, stalePolicy));
        Map<String, String> manifestTypes = new LinkedHashMap<>();
        parsed.manifest().ifPresent(entries -> {
            for (ManifestEntry e : entries) {
                if (e.mediaType() != null) {
                    manifestTypes.putIfAbsent(e.fullPath(), e.mediaType());
                }
            }
        });
        List<DataFile> dataFiles = new ArrayList<>();
        Map<String, DataFileDocument> documents = new LinkedHashMap<>();
        for (DataFileEntry entry : parsed.dataFiles()) {
            dataFiles.add(new DataFile(entry.name(), entry.manifestMediaType(), entry.size(), HexFormat.of().formatHex(entry.sha256())));
            documents.putIfAbsent(entry.name(), new DataFileDocument(entry.name(), () -> parsed.openEntry(entry.name())));
        }
        Set<String> names = documents.keySet();
        SignatureInputs inputs = new SignatureInputs(documents, manifestTypes);
        List<SignatureReport> reports = new ArrayList<>();
        listener.containerOpened(path, parsed.signatureFiles().size());
        reports.addAll(verifySignatures(parsed, inputs, at, report -> listener.signatureVerified(path, report)));
        if (reports.isEmpty()) {
            findings.add(Finding.of(FindingCode.NO_SIGNATURES, null, "the container has no signature file"));
        } else {
            Set<String> covered = new LinkedHashSet<>();
            reports.forEach(r -> covered.addAll(r.signedFiles()));
            for (String name : names) {
                if (!covered.contains(name)) {
                    findings.add(Finding.of(FindingCode.DATA_FILE_UNSIGNED, name, "no signature covers '" + name + "'"));
                }
            }
        }
        return new ContainerReport(path, findings, dataFiles, reports);
    }

    /** Each signature on its own; in parallel on the configured executor, results in file order. */
    private List<SignatureReport> verifySignatures(ParsedContainer parsed, SignatureInputs inputs, Instant at,
            java.util.function.Consumer<SignatureReport> done) {
        List<String> files = parsed.signatureFiles();
        if (executor == null || files.size() < 2) {
            List<SignatureReport> out = new ArrayList<>(files.size());
            for (String file : files) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // over the time budget: the report is dropped
                }
                SignatureReport report = verifySignature(parsed, file, inputs, at);
                done.accept(report);
                out.add(report);
            }
            return out;
        }
        List<java.util.concurrent.CompletableFuture<SignatureReport>> futures = new ArrayList<>(files.size());
        for (String file : files) {
            futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                SignatureReport report = verifySignature(parsed, file, inputs, at);
                done.accept(report);
                return report;
            }, executor));
        }
        List<SignatureReport> out = new ArrayList<>(files.size());
        for (var f : futures) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return out;
    }

    private SignatureReport verifySignature(ParsedContainer parsed, String file, SignatureInputs inputs, Instant at) {
        byte[] bytes;
        try {
            bytes = parsed.readEntry(file);
        } catch (EntryReadException e) {
            return unreadable(file, e.code(), e.getMessage());
        } catch (IOException e) {
            return unreadable(file, FindingCode.ZIP_CORRUPT, e.getMessage());
        }
        return signatures.verify(file, bytes, parsed, inputs, at);
    }

    private static SignatureReport unreadable(String file, FindingCode code, String message) {
        return new SignatureReport(file, null, ee.allkiri.core.Indication.TOTAL_FAILED,
                ee.allkiri.core.SubIndication.FORMAT_FAILURE, Profile.UNKNOWN, Qualification.NA, null, null, null, null,
                null, List.of(), List.of(Finding.of(code, file, "the signature file cannot be read: " + message)));
    }

    /** Configures a {@link Verifier}. Not thread-safe; the verifier it builds is. */
    public static final class Builder {
        private final List<TrustSource> trust = new ArrayList<>();
        private java.util.concurrent.Executor executor;
        private Clock clock = Clock.systemUTC();
        private Instant validationTime;
        private ContainerLimits limits = ContainerLimits.DEFAULT;
        private boolean rejectNonDer;
        private boolean requireQualified;
        private boolean strictMimetype;
        private boolean fullValidationOnly;
        private TrustFreshness.Policy stalePolicy = TrustFreshness.Policy.WARN;
        private boolean strictTimestampCanonicalization;
        private VerificationPolicy policy = VerificationPolicy.EE_V1;
        private RevocationSource revocationSource;

        private Builder() {
        }

        /** Where trust comes from; required, repeatable (the sources are merged). */
        public Builder trust(TrustSource... sources) {
            for (TrustSource s : sources) {
                trust.add(Objects.requireNonNull(s));
            }
            return this;
        }

        /** The clock that gives the validation time (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Validate at a fixed instant instead of the clock's time (e.g. to re-check a past audit). */
        public Builder validationTime(Instant instant) {
            this.validationTime = Objects.requireNonNull(instant);
            return this;
        }

        /**
         * Verify the signatures of one container in parallel on this executor (default: one
         * after the other on the calling thread). The caller owns the executor. Do not pass a
         * bounded pool whose threads also call {@code verify} and wait: use a pool of its own.
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /** Container limits (default {@link ContainerLimits#DEFAULT}). */
        public Builder limits(ContainerLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * Treat certificates with a non-minimal INTEGER encoding as an error. By default they
         * are read and reported as a warning ({@code CERTIFICATE_NON_DER}): real ID-cards carry them.
         */
        public Builder rejectNonDerCertificates() {
            this.rejectNonDer = true;
            return this;
        }

        /**
         * With trusted-list trust, require a qualified signature or seal: a signature the lists
         * show not to be qualified (ADESIG_QC, ADESEAL_QC, ADESIG, ...) is then
         * {@code NOT_QUALIFIED} as an error, TOTAL_FAILED. By default it keeps the indication the
         * ETSI validation gives, with its level and {@code NOT_QUALIFIED} as a warning, as the
         * Estonian validation service has it (an audit still does not count it). Plain trust
         * anchors carry no qualification data and are not judged.
         */
        public Builder requireQualified() {
            this.requireQualified = true;
            return this;
        }

        /**
         * Make the mimetype rules errors: not the first entry, compressed, or with an extra
         * field, and, for an {@code .asice} or {@code .sce} container, a missing {@code mimetype}
         * or one with another media type. ETSI EN 319 162-1 requires all of them, but none can
         * hide a change to signed content, real containers break them, and SiVa reports them as
         * warnings, so by default allkiri does too. A {@code .bdoc} (BDOC 2.1 6.1) or a container
         * of any other name without the right {@code mimetype} is an error either way.
         */
        public Builder strictMimetype() {
            this.strictMimetype = true;
            return this;
        }

        /**
         * Make a trusted list that is past its next update at the validation time an error
         * ({@code TRUST_LIST_STALE} as ERROR: no container verified with it is valid). By
         * default it is a warning.
         */
        public Builder rejectStaleTrustLists() {
            return stale(TrustFreshness.Policy.REJECT);
        }

        /**
         * Use trusted lists past their next update without reporting it (no
         * {@code TRUST_LIST_STALE}), e.g. for a frozen snapshot in an archive. By default a
         * stale list is a warning.
         */
        public Builder acceptStaleTrustLists() {
            return stale(TrustFreshness.Policy.ACCEPT);
        }

        private Builder stale(TrustFreshness.Policy policy) {
            if (stalePolicy != TrustFreshness.Policy.WARN && stalePolicy != policy) {
                throw new IllegalStateException("rejectStaleTrustLists() and acceptStaleTrustLists() exclude each other");
            }
            this.stalePolicy = policy;
            return this;
        }

        /**
         * Let DSS validate every signature. By default signatures of the common shape (LT or
         * BDOC time-mark over files, anchored CA, OCSP responder and time-stamping unit,
         * modern algorithms) are checked on a fast path that passes only what DSS passes and
         * hands everything else to DSS; this switches it off (for comparison, or caution).
         */
        public Builder fullValidationOnly() {
            this.fullValidationOnly = true;
            return this;
        }

        /**
         * Refuse signature time-stamps that name no canonicalization method but are over the
         * exclusive canonical form of SignatureValue, as undersign (rahvaalgatus) writes them.
         * XAdES says an absent method means inclusive canonicalization; by default allkiri still
         * accepts such a time-stamp, because its imprint binds the exact signature value, and
         * reports {@code TIMESTAMP_EXCLUSIVE_C14N} as a warning. With this option the finding is
         * an error and the signature INDETERMINATE (NO_POE).
         */
        public Builder strictTimestampCanonicalization() {
            this.strictTimestampCanonicalization = true;
            return this;
        }

        /** OCSP responder common names allowed to issue BDOC time-marks (default {@link #DEFAULT_TIME_MARK_RESPONDERS}). */
        public Builder timeMarkResponders(Set<String> commonNames) {
            this.policy = policy.withTimeMarkResponders(commonNames);
            return this;
        }

        /** The verification policy (default {@link VerificationPolicy#EE_V1}). */
        public Builder policy(VerificationPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Where to ask about the signer's certificate when a signature carries no revocation
         * data (B and T level), e.g. an {@code ee.allkiri.ocsp.OcspClient}. By default a
         * verifier stays offline and such signatures are {@code PROFILE_NOT_LONG_TERM} errors;
         * with a source, an answer that passes the same checks as an embedded OCSP response
         * makes that a warning, and the source's failure is its own finding (e.g.
         * {@code REVOCATION_UNAVAILABLE}, indeterminate).
         */
        public Builder revocationSource(RevocationSource source) {
            this.revocationSource = Objects.requireNonNull(source);
            return this;
        }

        /**
         * Loads the trust material and builds the verifier.
         *
         * @throws IOException           when trust material cannot be read
         * @throws IllegalStateException when no trust source was given
         */
        public Verifier build() throws IOException {
            if (trust.isEmpty()) {
                throw new IllegalStateException("a verifier needs at least one trust source");
            }
            List<TrustMaterial> loaded = new ArrayList<>();
            for (TrustSource source : trust) {
                loaded.add(source.load());
            }
            return new Verifier(this, TrustMaterial.merge(loaded));
        }
    }
}
