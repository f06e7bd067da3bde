package ee.allkiri.cli;

import ee.allkiri.trustlist.SnapshotManifest;
import ee.allkiri.trustlist.SnapshotTrustSource;
import ee.allkiri.trustlist.TrustListRefresher;
import ee.allkiri.trustlist.TrustSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allkiri trust refresh}: download, verify and write a snapshot atomically. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Download a list of lists (or one trusted list) and the lists it points to, verify every "
                + "signature against the pinned signers, and write a snapshot to DIR. The previous snapshot in DIR "
                + "is replaced only when the new one verified."})
final class TrustRefreshCommand implements Callable<Integer> {

    static final class Root {
        @Option(names = "--lotl", paramLabel = "URL", required = true, description = "The list of trusted lists.")
        String lotl;

        @Option(names = "--tl", paramLabel = "URL", required = true, description = "A single trusted list.")
        String tl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Root root;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The snapshot directory to write.")
    Path out;

    @Option(names = "--signer", paramLabel = "PEM",
            description = "A certificate the root list must be signed with. Repeatable. Default: the pins of the snapshot already in DIR.")
    List<Path> signers = new ArrayList<>();

    @Option(names = "--territory", paramLabel = "CC", description = "Follow only this territory's list from the list of lists. Repeatable.")
    List<String> territories = new ArrayList<>();

    @Option(names = "--anchor", paramLabel = "PEM", description = "Also trust these certificates as manual anchors. Repeatable.")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The snapshot's name (default: the directory's name).")
    String name;

    @Option(names = "--from-dir", paramLabel = "DIR",
            description = "Read the lists from copies in this directory (named as the last segment of each url) instead of downloading.")
    Path fromDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Timeout for each download (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 60;

    @Option(names = "--max-size", paramLabel = "BYTES", description = "Cap on each list's size (default ${DEFAULT-VALUE}).")
    long maxSize = TrustListRefresher.DEFAULT_MAX_LIST_BYTES;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> pins = new ArrayList<>();
        for (Path p : signers) {
            pins.addAll(TrustSpecs.readCertificates(p));
        }
        if (pins.isEmpty() && Files.isRegularFile(out.resolve(SnapshotManifest.FILE_NAME))) {
            pins.addAll(SnapshotTrustSource.directory(out).signers());
        }
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("no pinned signer: give --signer PEM (or refresh a DIR that holds a snapshot)");
        }
        TrustListRefresher.Builder builder = TrustListRefresher.builder()
                .url(root.lotl != null ? root.lotl : root.tl)
                .name(name != null ? name : out.toAbsolutePath().normalize().getFileName().toString())
                .signers(pins)
                .territories(new HashSet<>(territories))
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .maxListBytes(maxSize);
        for (Path anchor : anchors) {
            for (X509Certificate c : TrustSpecs.readCertificates(anchor)) {
                builder.manualAnchor(c, "manual anchor from " + anchor.getFileName());
            }
        }
        if (fromDir != null) {
            builder.readFrom(fromDir);
        }
        SnapshotManifest manifest = builder.build().refresh(out);
        System.out.println("wrote trust snapshot " + manifest.name() + " to " + out + ": " + manifest.lists().size()
                + " list(s), earliest next update " + manifest.earliestNextUpdate());
        return Main.OK;
    }
}
