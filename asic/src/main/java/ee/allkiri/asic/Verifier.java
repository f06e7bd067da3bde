package ee.allkiri.asic;

import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.container.ContainerReader;
import ee.allkiri.asic.internal.container.DataFileEntry;
import ee.allkiri.asic.internal.container.EntryReadException;
import ee.allkiri.asic.internal.container.ManifestEntry;
import ee.allkiri.asic.internal.container.MimetypeLeniency;
import ee.allkiri.asic.internal.container.ParsedContainer;
import ee.allkiri.asic.internal.dss.AllkiriPolicy;
import ee.allkiri.asic.internal.dss.DataFileDocument;
import ee.allkiri.asic.internal.dss.DssEngine;
import ee.allkiri.asic.internal.signature.SignatureInputs;
import ee.allkiri.asic.internal.signature.SignatureVerifier;
import ee.allkiri.asic.internal.signature.VerifierSettings;
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
import ee.allkiri.ocsp.internal.OcspVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Verifies ASiC-E / BDOC containers, with XAdES signatures ({@code META-INF/*signatures*.xml})
 * or CAdES signatures over an ASiCManifest ({@code META-INF/*signature*.p7s}). Build one with
 * {@link #builder()}, keep it, and share it: it is immutable and thread-safe, and building it
 * (loading trust, preparing DSS) is the expensive part.
 *
 * <p>A container that is malformed, tampered with or signed badly is a {@link ContainerReport}
 * with findings, never an exception. Exceptions mean the verifier could not do its work: the
 * file cannot be read, the verifier is busy, or (at build time) the trust material cannot be
 * loaded or the settings contradict each other.
 *
 * <p>Verification cannot be turned against its host: each {@code verify} runs on one of the
 * verifier's own threads ({@link Builder#verifyingThreads}, by default one per processor) and
 * the caller waits at most the container's time budget ({@link ContainerLimits#timeBudgetFor(int)},
 * counted from the call), then gets a report with {@code LIMIT_TIME}. The work itself checks the
 * budget between its steps (each entry read, each signature, each DSS call, the fast path) and
 * stops soon after it, so abandoned work does not pile up. When every thread is busy, up to
 * {@link Builder#queueCapacity} verifications wait; beyond that {@code verify} throws
 * {@link RejectedExecutionException} at once. {@link #statistics()} counts what runs, waits,
 * timed out and was refused. The threads are daemons named {@code allkiri-verify-N} that end after
 * 30 seconds without work, so a verifier needs no closing: drop it and its threads go.
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
 *
 * @since 0.1.0
 */
public final class Verifier {

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
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.fixedTime = b.validationTime;
        this.strictMimetype = b.strictMimetype;
        this.stalePolicy = b.stalePolicy();
        this.executor = b.executor;
        this.budget = new TimeBudget(b.limits, b.verifyingThreads, b.queueCapacity);
        this.policy = b.effectivePolicy();
        VerifierSettings settings = new VerifierSettings(b.rejectNonDer, b.requireQualified, b.strictTimestampCanonicalization);
        java.security.Provider provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        OcspVerifier ocsp = OcspVerifier.builder()
                .trusted(trust.services().stream().map(TrustedService::certificate).toList())
                .timeMarkResponders(policy.timeMarkResponders())
                .provider(provider)
                .build();
        VerificationPolicy rules = policy;
        this.signatures = new SignatureVerifier(() -> new DssEngine(trust, AllkiriPolicy.create(rules)),
                () -> AllkiriPolicy.timeMark(rules), trust, policy, settings, ocsp,
                b.revocationSource, provider, !b.fullValidationOnly);
    }

    /**
     * Starts building a verifier: trust first ({@link TrustStage#trust}), then the other settings,
     * then {@link Builder#build()}.
     */
    public static TrustStage builder() {
        return new TrustStage();
    }

    /**
     * What the verifier has done since it was built, and what it is doing now.
     *
     * @param fastPath       signatures the fast path passed
     * @param fullValidation signatures DSS validated
     * @param running        verifications running on the verifier's threads now (including work past its
     *                       budget that has not reached its next deadline check yet)
     * @param queued         verifications waiting for a thread now
     * @param timedOut       verifications past their time budget ({@code LIMIT_TIME}) so far
     * @param rejected       verifications refused so far because every thread was busy and the queue full
     * @since 0.1.0
     */
    public record Statistics(long fastPath, long fullValidation, int running, int queued, long timedOut, long rejected) {
    }

    /** How the signatures verified so far were checked, and how many verifications run, wait, timed out or were refused. */
    public Statistics statistics() {
        SignatureVerifier.Statistics s = signatures.statistics();
        TimeBudget.Counts c = budget.counts();
        return new Statistics(s.fastPath(), s.fullValidation(), c.running(), c.queued(), c.timedOut(), c.rejected());
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
     * Verifies a container file on one of the verifier's threads, within the time budget of the
     * limits for its number of signatures ({@link ContainerLimits#timeBudgetFor(int)}, counted from
     * this call; {@code LIMIT_TIME} past it).
     *
     * @throws IOException                only when the file cannot be read at all
     * @throws RejectedExecutionException when every verifying thread is busy and the queue is full
     *                                    ({@link Builder#verifyingThreads}, {@link Builder#queueCapacity}):
     *                                    nothing was read; try again later
     */
    public ContainerReport verify(Path file) throws IOException {
        return verify(file, VerificationListener.NONE);
    }

    /**
     * Verifies a container file, telling {@code listener} about each signature as its report is
     * ready (for progress on large bundles), within the time budget of the limits. The listener
     * is called on the verifying threads, not the caller's, and never after the budget has passed.
     *
     * @throws IOException                only when the file cannot be read at all
     * @throws RejectedExecutionException when every verifying thread is busy and the queue is full
     */
    public ContainerReport verify(Path file, VerificationListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        return budget.run(file.toString(), (deadline, signatures) -> {
            try (ParsedContainer parsed = reader.read(file, deadline)) {
                return verify(parsed, file.toString(), listener, deadline, signatures);
            }
        });
    }

    /**
     * Verifies a container held in memory, within the time budget of the limits ({@code LIMIT_TIME}
     * past it). Never throws for bad content.
     *
     * @throws RejectedExecutionException when every verifying thread is busy and the queue is full
     */
    public ContainerReport verify(byte[] container, String name) {
        try {
            return budget.run(name, (deadline, signatures) -> {
                try (ParsedContainer parsed = reader.read(container, deadline)) {
                    return verify(parsed, name, VerificationListener.NONE, deadline, signatures);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("closing an in-memory container failed", e);
        }
    }

    /**
     * Reads a container from a stream (an upload) on the calling thread and verifies it. At most
     * the configured maximum total size is read; a larger stream is a finding, not an OutOfMemoryError.
     *
     * @throws RejectedExecutionException when every verifying thread is busy and the queue is full
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

    private ContainerReport verify(ParsedContainer parsed, String path, VerificationListener listener, Deadline deadline,
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
            dataFiles.add(entry.toDataFile());
            documents.putIfAbsent(entry.name(), new DataFileDocument(entry.name(), () -> parsed.openEntry(entry.name()),
                    deadline));
        }
        Set<String> names = documents.keySet();
        SignatureInputs inputs = new SignatureInputs(documents, manifestTypes, deadline);
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

    /**
     * Each signature on its own, in parallel on the configured executor, results in file order;
     * the deadline is checked before and after each (a report finished past it is never handed out).
     */
    private List<SignatureReport> verifySignatures(ParsedContainer parsed, SignatureInputs inputs, Instant at,
            java.util.function.Consumer<SignatureReport> done) {
        List<String> files = parsed.signatureFiles();
        Deadline deadline = inputs.deadline();
        if (executor == null || files.size() < 2) {
            List<SignatureReport> out = new ArrayList<>(files.size());
            for (String file : files) {
                out.add(verifySignature(parsed, file, inputs, at, done));
            }
            return out;
        }
        List<java.util.concurrent.CompletableFuture<SignatureReport>> futures = new ArrayList<>(files.size());
        for (String file : files) {
            futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> verifySignature(parsed, file, inputs, at, done),
                    executor));
        }
        List<SignatureReport> out = new ArrayList<>(files.size());
        try {
            for (var f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deadline.cancel(); // the caller stopped waiting: the signatures not started yet stop at their first check
            throw new Deadline.Exceeded();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(false));
        }
        return out;
    }

    private SignatureReport verifySignature(ParsedContainer parsed, String file, SignatureInputs inputs, Instant at,
            java.util.function.Consumer<SignatureReport> done) {
        inputs.deadline().check();
        SignatureReport report = verifySignature(parsed, file, inputs, at);
        inputs.deadline().check();
        done.accept(report);
        return report;
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

    /**
     * The first stage of building a verifier: a verifier without trust cannot be built, so trust
     * comes first and is the only thing this stage offers.
     *
     * @since 0.1.0
     */
    public static final class TrustStage {

        private TrustStage() {
        }

        /** Where trust comes from: plain anchors, trusted lists, or both (the sources are merged); then the other settings. */
        public Builder trust(TrustSource source, TrustSource... more) {
            return new Builder().trust(source, more);
        }

        /**
         * Where trust comes from, as a list (the sources are merged).
         *
         * @throws IllegalArgumentException when the list is empty
         */
        public Builder trust(List<? extends TrustSource> sources) {
            return new Builder().trust(sources);
        }
    }

    /**
     * Configures a {@link Verifier}, once it has trust ({@link Verifier#builder()}). Settings that
     * contradict each other are refused by {@link #build()}, which names them: {@link #clock} with
     * {@link #validationTime}, {@link #revocationSource} (an answer about now) with a
     * {@link #validationTime} more than {@link #ONLINE_TIME_TOLERANCE} from the time of building,
     * {@link #rejectStaleTrustLists()} with {@link #acceptStaleTrustLists()}, and
     * {@link #requireQualified()} with trust that has no trusted-list data (plain anchors say nothing
     * about qualification). Not thread-safe; the verifier it builds is.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        /** How far from the time of building a fixed validation time may be when a revocation source answers about now. */
        public static final Duration ONLINE_TIME_TOLERANCE = Duration.ofMinutes(10);

        /** How many verifications may wait for a thread by default. */
        public static final int DEFAULT_QUEUE_CAPACITY = 64;

        private final List<TrustSource> trust = new ArrayList<>();
        private java.util.concurrent.Executor executor;
        private Clock clock;
        private Instant validationTime;
        private ContainerLimits limits = ContainerLimits.DEFAULT;
        private boolean rejectNonDer;
        private boolean requireQualified;
        private boolean strictMimetype;
        private boolean fullValidationOnly;
        private boolean rejectStale;
        private boolean acceptStale;
        private boolean strictTimestampCanonicalization;
        private VerificationPolicy policy = VerificationPolicy.EE_V1;
        private Set<String> timeMarkResponders;
        private RevocationSource revocationSource;
        private int verifyingThreads = Runtime.getRuntime().availableProcessors();
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

        private Builder() {
        }

        /** More trust sources, merged with the first. */
        public Builder trust(TrustSource source, TrustSource... more) {
            trust.add(Objects.requireNonNull(source, "source"));
            for (TrustSource s : more) {
                trust.add(Objects.requireNonNull(s, "source"));
            }
            return this;
        }

        /**
         * More trust sources, as a list.
         *
         * @throws IllegalArgumentException when the list is empty
         */
        public Builder trust(List<? extends TrustSource> sources) {
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("trust(...) needs at least one trust source");
            }
            sources.forEach(s -> trust.add(Objects.requireNonNull(s, "source")));
            return this;
        }

        /** The clock that gives the validation time (default: system UTC). Excludes {@link #validationTime}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Validate at a fixed instant instead of a clock's time (e.g. to re-check a past audit).
         * Excludes {@link #clock}, and a {@link #revocationSource} unless the instant is within
         * {@link #ONLINE_TIME_TOLERANCE} of the time of building.
         */
        public Builder validationTime(Instant instant) {
            this.validationTime = Objects.requireNonNull(instant);
            return this;
        }

        /**
         * Verify the signatures of one container in parallel on this executor (default: one
         * after the other on the verifying thread). The caller owns the executor. Do not pass a
         * bounded pool whose threads also call {@code verify} and wait: use a pool of its own.
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /**
         * How many containers this verifier verifies at once, each on a thread of its own (default:
         * the number of processors). Work past its budget keeps its thread only until its next
         * deadline check.
         *
         * @throws IllegalArgumentException when {@code count} is less than 1
         */
        public Builder verifyingThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("verifyingThreads must be at least 1, not " + count);
            }
            this.verifyingThreads = count;
            return this;
        }

        /**
         * How many verifications may wait for a verifying thread (default
         * {@link #DEFAULT_QUEUE_CAPACITY}; 0: none wait). Beyond that {@code verify} throws
         * {@link RejectedExecutionException} at once, without reading the container: a service
         * answers "busy, try later" instead of piling up work. A waiting verification's time
         * budget runs while it waits.
         *
         * @throws IllegalArgumentException when {@code count} is negative
         */
        public Builder queueCapacity(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("queueCapacity must not be negative, not " + count);
            }
            this.queueCapacity = count;
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
         * anchors carry no qualification data: with trust that has no trusted-list data,
         * {@link #build()} refuses this setting.
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
         * default it is a warning. Excludes {@link #acceptStaleTrustLists()}.
         */
        public Builder rejectStaleTrustLists() {
            this.rejectStale = true;
            return this;
        }

        /**
         * Use trusted lists past their next update without reporting it (no
         * {@code TRUST_LIST_STALE}), e.g. for a frozen snapshot in an archive. By default a
         * stale list is a warning. Excludes {@link #rejectStaleTrustLists()}.
         */
        public Builder acceptStaleTrustLists() {
            this.acceptStale = true;
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

        /**
         * OCSP responder common names allowed to issue BDOC time-marks, instead of the policy's
         * (default {@link VerificationPolicy#SK_TIME_MARK_RESPONDERS}); applied on top of
         * {@link #policy}, whichever is called first.
         */
        public Builder timeMarkResponders(Set<String> commonNames) {
            this.timeMarkResponders = Set.copyOf(commonNames);
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
         * {@code REVOCATION_UNAVAILABLE}, indeterminate). The answer is about now: a fixed
         * {@link #validationTime} further than {@link #ONLINE_TIME_TOLERANCE} from the time of
         * building contradicts it.
         */
        public Builder revocationSource(RevocationSource source) {
            this.revocationSource = Objects.requireNonNull(source);
            return this;
        }

        /**
         * Checks that the settings agree, loads the trust material and builds the verifier.
         *
         * @throws IOException           when trust material cannot be read
         * @throws IllegalStateException when settings contradict each other (the message names them)
         */
        public Verifier build() throws IOException {
            List<String> conflicts = new ArrayList<>();
            if (clock != null && validationTime != null) {
                conflicts.add("clock(...) and validationTime(...) exclude each other: the validation time is a clock's or"
                        + " a fixed instant");
            }
            if (rejectStale && acceptStale) {
                conflicts.add("rejectStaleTrustLists() and acceptStaleTrustLists() exclude each other");
            }
            if (revocationSource != null && validationTime != null
                    && Duration.between(validationTime, Instant.now()).abs().compareTo(ONLINE_TIME_TOLERANCE) > 0) {
                conflicts.add("revocationSource(...) answers about the status now; validationTime(" + validationTime
                        + ") is further than " + ONLINE_TIME_TOLERANCE + " from now");
            }
            if (!conflicts.isEmpty()) {
                throw new IllegalStateException(String.join("; ", conflicts));
            }
            List<TrustMaterial> loaded = new ArrayList<>();
            for (TrustSource source : trust) {
                loaded.add(source.load());
            }
            TrustMaterial material = TrustMaterial.merge(loaded);
            if (requireQualified && !material.hasTrustedListData()) {
                throw new IllegalStateException("requireQualified() needs trust(...) from trusted lists; " + material.description()
                        + " has no trusted-list data, so no signature could be judged qualified or not");
            }
            return new Verifier(this, material);
        }

        private TrustFreshness.Policy stalePolicy() {
            return rejectStale ? TrustFreshness.Policy.REJECT : acceptStale ? TrustFreshness.Policy.ACCEPT
                    : TrustFreshness.Policy.WARN;
        }

        private VerificationPolicy effectivePolicy() {
            return timeMarkResponders == null ? policy : policy.withTimeMarkResponders(timeMarkResponders);
        }
    }
}
