package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.trustlist.internal.DssListLoader;
import ee.allkiri.trustlist.internal.LoadedLists;
import ee.allkiri.trustlist.internal.PreverifiedMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trust from a snapshot: a directory (or embedded resources) holding trusted lists and the
 * {@link SnapshotManifest} that names them. Loading checks, and refuses the whole snapshot
 * when any check fails:
 * <ul>
 *   <li>every file's SHA-256 equals the manifest's;</li>
 *   <li>the root list's XML signature verifies with one of the pinned signer certificates, and
 *       each trusted list's with the certificates its pointer in the list of lists names
 *       (through DSS's {@code TLValidationJob}, offline: only the snapshot's files are read);</li>
 *   <li>the lists DSS read are exactly the manifest's, with the same sequence numbers.</li>
 * </ul>
 * A list past its next update is loaded: staleness is the verifier's policy, judged at the
 * validation time (see {@code TRUST_LIST_STALE}).
 *
 * <p>An embedded snapshot ({@link EmbeddedSnapshots}) may carry its trust material as verified
 * when the jar was built ({@code preverified.json}, bound to the manifest's SHA-256): then
 * {@link #load()} reads that instead of verifying the same bytes again. {@link #verifyLists()}
 * always verifies.
 *
 * <p>Immutable and thread-safe; every load reads afresh, with its own DSS caches.
 *
 * @since 0.1.0
 */
public final class SnapshotTrustSource implements TrustSource {

    private final SnapshotFiles files;
    private final boolean preverified;

    SnapshotTrustSource(SnapshotFiles files, boolean preverified) {
        this.files = Objects.requireNonNull(files);
        this.preverified = preverified;
    }

    /** A snapshot in a directory, as written by {@link TrustListRefresher}. */
    public static SnapshotTrustSource directory(Path dir) {
        return new SnapshotTrustSource(SnapshotFiles.directory(dir), false);
    }

    /** Reads the manifest only, without verifying the lists. */
    public SnapshotManifest manifest() throws IOException {
        return SnapshotManifest.parse(files.read(SnapshotManifest.FILE_NAME), files.describe());
    }

    /** The pinned signer certificates the snapshot's root list must be signed with. */
    public List<X509Certificate> signers() throws IOException {
        List<X509Certificate> signers = new ArrayList<>();
        for (SnapshotManifest.FileEntry signer : manifest().signers()) {
            signers.addAll(Certificates.parse(checkedRead(signer.file(), signer.sha256()), signer.file()));
        }
        return signers;
    }

    @Override
    public TrustMaterial load() throws IOException {
        if (preverified) {
            try {
                byte[] manifest = files.read(SnapshotManifest.FILE_NAME);
                return PreverifiedMaterial.read(files.read(PreverifiedMaterial.FILE_NAME), DssListLoader.sha256(manifest));
            } catch (IOException missingOrStale) {
                // a build without (current) pre-verified material: verify, which is slower but exact
            }
        }
        return verifyLists();
    }

    /**
     * Loads the snapshot by checking every file's digest and verifying every list's signature,
     * whether or not it carries pre-verified material.
     */
    public TrustMaterial verifyLists() throws IOException {
        SnapshotManifest manifest = manifest();
        Map<String, SnapshotManifest.ListEntry> byUrl = new HashMap<>();
        for (SnapshotManifest.ListEntry entry : manifest.lists()) {
            if (byUrl.put(entry.url(), entry) != null) {
                throw new IOException("snapshot " + files.describe() + " lists " + entry.url() + " twice");
            }
        }
        List<X509Certificate> signers = new ArrayList<>();
        for (SnapshotManifest.FileEntry signer : manifest.signers()) {
            signers.addAll(Certificates.parse(checkedRead(signer.file(), signer.sha256()), signer.file()));
        }
        LoadedLists loaded = DssListLoader.load(manifest.rootUrl(), signers, manifest.territories(), url -> {
            SnapshotManifest.ListEntry entry = byUrl.get(url);
            if (entry == null) {
                throw new IOException("snapshot " + files.describe() + " has no copy of " + url);
            }
            return checkedRead(entry.file(), entry.sha256());
        });
        for (TrustListInfo list : loaded.lists()) {
            SnapshotManifest.ListEntry entry = byUrl.remove(list.url());
            if (entry == null || entry.sequence() != list.sequence()) {
                throw new IOException("snapshot " + files.describe() + " manifest disagrees with list " + list.url());
            }
        }
        if (!byUrl.isEmpty()) {
            throw new IOException("snapshot " + files.describe() + " names lists no list points to: " + byUrl.keySet());
        }
        List<TrustedService> services = new ArrayList<>(loaded.services());
        for (SnapshotManifest.AnchorEntry anchor : manifest.anchors()) {
            for (X509Certificate c : Certificates.parse(checkedRead(anchor.file(), anchor.sha256()), anchor.file())) {
                services.add(TrustedService.anchor(c));
            }
        }
        return new TrustMaterial(Certificates.distinct(services), loaded.lists(), describe(manifest));
    }

    @Override
    public String describe() {
        return "trust snapshot " + files.describe();
    }

    private String describe(SnapshotManifest manifest) {
        return "trust snapshot " + manifest.name() + " (" + files.describe() + ", created " + manifest.created() + ")";
    }

    private byte[] checkedRead(String file, String sha256) throws IOException {
        byte[] bytes = files.read(file);
        if (!DssListLoader.sha256(bytes).equalsIgnoreCase(sha256)) {
            throw new IOException("snapshot " + files.describe() + " is damaged: " + file + " does not match its SHA-256");
        }
        return bytes;
    }
}
