package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.trustlist.internal.DssListLoader;
import ee.allkiri.trustlist.internal.LoadedLists;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes verified lists as a snapshot directory: the XMLs, the pinned signers, anchors, the manifest last. */
final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /** A manual anchor to write, with the reason it is trusted outside any list. */
    record Anchor(X509Certificate certificate, String note) {
    }

    static SnapshotManifest write(Path dir, String name, Instant created, String rootUrl, List<X509Certificate> signers,
                                  Set<String> territories, LoadedLists loaded, List<Anchor> anchors) throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        Set<String> used = new HashSet<>();
        List<SnapshotManifest.ListEntry> lists = new ArrayList<>();
        for (TrustListInfo list : loaded.lists()) {
            byte[] bytes = loaded.documents().get(list.url());
            String file = "lists/" + unique(fileName(list.url()), used);
            Files.write(dir.resolve(file), bytes);
            lists.add(new SnapshotManifest.ListEntry(list.url(), file, list.name(), list.kind(), list.sequence(),
                    list.issued(), list.nextUpdate(), DssListLoader.sha256(bytes)));
        }
        List<SnapshotManifest.FileEntry> signerFiles = new ArrayList<>();
        int i = 1;
        for (X509Certificate signer : signers) {
            String file = "signers/signer-" + i++ + ".pem";
            signerFiles.add(new SnapshotManifest.FileEntry(file, writePem(dir, file, signer)));
        }
        List<SnapshotManifest.AnchorEntry> anchorEntries = new ArrayList<>();
        Set<String> anchorNames = new HashSet<>();
        for (Anchor anchor : anchors) {
            String file = "anchors/" + unique(safe(commonName(anchor.certificate())) + ".pem", anchorNames);
            anchorEntries.add(new SnapshotManifest.AnchorEntry(file, writePem(dir, file, anchor.certificate()), anchor.note()));
        }
        SnapshotManifest manifest = new SnapshotManifest(SnapshotManifest.FORMAT, name, created, rootUrl, signerFiles,
                territories, lists, anchorEntries);
        Files.write(dir.resolve(SnapshotManifest.FILE_NAME), manifest.toJson());
        return manifest;
    }

    private static String writePem(Path dir, String file, X509Certificate certificate) throws IOException {
        byte[] pem = Certificates.pem(certificate).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(dir.resolve(file).getParent());
        Files.write(dir.resolve(file), pem);
        return DssListLoader.sha256(pem);
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String safe = safe(last);
        return safe.toLowerCase(Locale.ROOT).endsWith(".xml") ? safe : safe + ".xml";
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return s.isEmpty() ? "list" : s;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = n + "-" + name;
        }
        return candidate;
    }

    private static String commonName(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "anchor";
    }
}
