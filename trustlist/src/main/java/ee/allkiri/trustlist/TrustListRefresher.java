package ee.allkiri.trustlist;

import ee.allkiri.trustlist.internal.DssListLoader;
import ee.allkiri.trustlist.internal.ListFetch;
import ee.allkiri.trustlist.internal.LoadedLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a new trust snapshot: downloads a list of lists (or one trusted list) and the lists
 * it points to, verifies every signature against the pins, and writes the snapshot
 * atomically. The new snapshot is written to a temporary directory beside the target, loaded
 * back and verified as a verifier would load it, and only then moved into place; a failed,
 * truncated or non-XML download (an HTML error page) leaves the previous snapshot as it was.
 *
 * <p>Defaults: connect timeout 10 s, 60 s for each download, 16 MiB per list. Every
 * download has these limits; there is no unlimited mode. Immutable and thread-safe once
 * built; refreshing the same target from two threads at once is not supported.
 *
 * @since 0.1.0
 */
public final class TrustListRefresher {

    /** Default cap on one list's size. */
    public static final long DEFAULT_MAX_LIST_BYTES = 16L * 1024 * 1024;

    private final String url;
    private final String name;
    private final List<X509Certificate> signers;
    private final Set<String> territories;
    private final List<SnapshotWriter.Anchor> anchors;
    private final ListFetch fetch;
    private final Clock clock;

    private TrustListRefresher(Builder b) {
        this.url = b.url;
        this.name = b.name;
        this.signers = List.copyOf(b.signers);
        this.territories = Set.copyOf(b.territories);
        this.anchors = List.copyOf(b.anchors);
        this.clock = b.clock;
        this.fetch = b.readFrom != null ? sibling(b.readFrom, b.url)
                : new HttpListFetch(b.connectTimeout, b.requestTimeout, b.maxListBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Downloads, verifies and writes the snapshot to {@code target}, replacing the snapshot
     * there only when the new one verified.
     *
     * @return the new snapshot's manifest
     * @throws IOException when a list cannot be downloaded or does not verify; the target is
     *                     then untouched
     */
    public SnapshotManifest refresh(Path target) throws IOException {
        LoadedLists loaded = DssListLoader.load(url, signers, territories, fetch);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new-");
        try {
            SnapshotManifest manifest = SnapshotWriter.write(temp, name, clock.instant(), url, signers, territories,
                    loaded, anchors);
            SnapshotTrustSource.directory(temp).load();
            replace(temp, absolute);
            return manifest;
        } finally {
            deleteTree(temp);
        }
    }

    private static void replace(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!Files.isRegularFile(target.resolve(SnapshotManifest.FILE_NAME))) {
            throw new IOException(target + " exists and is not a trust snapshot; not replacing it");
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static ListFetch sibling(Path dir, String rootUrl) {
        return u -> Files.readAllBytes(TrustListFileSource.sibling(dir, u));
    }

    /** Configures a {@link TrustListRefresher}. Not thread-safe. */
    public static final class Builder {
        private String url;
        private String name = "snapshot";
        private final List<X509Certificate> signers = new ArrayList<>();
        private Set<String> territories = Set.of();
        private final List<SnapshotWriter.Anchor> anchors = new ArrayList<>();
        private Path readFrom;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private long maxListBytes = DEFAULT_MAX_LIST_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The url of the root list: a list of lists or a single trusted list (required). */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url);
            return this;
        }

        /** The snapshot's name, recorded in its manifest (default {@code snapshot}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        /** Certificates the root list must be signed with (required, at least one). */
        public Builder signers(List<X509Certificate> certificates) {
            this.signers.addAll(certificates);
            return this;
        }

        /** For a list of lists: follow only these territories' lists (default: all). */
        public Builder territories(Set<String> territories) {
            this.territories = Set.copyOf(territories);
            return this;
        }

        /** A certificate to trust as it is, outside any list, with the reason (recorded in the manifest). */
        public Builder manualAnchor(X509Certificate certificate, String note) {
            this.anchors.add(new SnapshotWriter.Anchor(Objects.requireNonNull(certificate), Objects.requireNonNull(note)));
            return this;
        }

        /**
         * Read the lists from files in a directory instead of downloading them, each named as
         * the last segment of its url (freezing a snapshot from copies at hand).
         */
        public Builder readFrom(Path directory) {
            this.readFrom = Objects.requireNonNull(directory);
            return this;
        }

        /** Connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Timeout for each download, headers to last byte (default 60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** Cap on one list's size in bytes (default {@link #DEFAULT_MAX_LIST_BYTES}). */
        public Builder maxListBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the size cap must be positive");
            }
            this.maxListBytes = bytes;
            return this;
        }

        /** The clock that dates the snapshot (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * @throws IllegalStateException when the url or the signers are missing
         */
        public TrustListRefresher build() {
            if (url == null) {
                throw new IllegalStateException("the url of the list to refresh is required");
            }
            if (signers.isEmpty()) {
                throw new IllegalStateException("at least one pinned signer certificate is required");
            }
            return new TrustListRefresher(this);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive");
            }
            return d;
        }
    }
}
