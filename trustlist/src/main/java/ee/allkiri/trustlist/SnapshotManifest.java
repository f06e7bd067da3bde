package ee.allkiri.trustlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import ee.allkiri.core.spi.TrustListInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The manifest of a trust snapshot ({@value #FILE_NAME} in the snapshot directory): what
 * the snapshot holds and the SHA-256 of every file, so that a damaged or edited snapshot is
 * refused. A snapshot is immutable: refreshing writes a new one.
 *
 * <pre>{@code
 * { "format": "allkiri-trust-snapshot/1", "name": "ee-test", "created": "2026-11-26T18:00:00Z",
 *   "rootUrl": "https://open-eid.github.io/test-TL/tl-mp-test-EE.xml",
 *   "signers": [ {"file": "signers/signer-1.pem", "sha256": "9e4e83..."} ],
 *   "territories": [],
 *   "lists": [ {"url": "...", "file": "lists/tl-mp-test-EE.xml", "name": "EE", "kind": "LIST_OF_LISTS",
 *               "sequence": 7, "issued": "...", "nextUpdate": "...", "sha256": "..."} ],
 *   "anchors": [ {"file": "anchors/x.pem", "sha256": "...", "note": "manual anchor: why"} ] }
 * }</pre>
 *
 * @param format      always {@value #FORMAT}
 * @param name        the snapshot's name, e.g. {@code ee-prod}
 * @param created     when it was written
 * @param rootUrl     the url of the root list (a list of lists or a single trusted list)
 * @param signers     the pinned certificates the root list must be signed with
 * @param territories the territories followed from a list of lists; empty for all
 * @param lists       every list, the root first
 * @param anchors     certificates trusted as they are, outside any list (manual anchors)
 * @since 0.1.0
 */
@JsonPropertyOrder({"format", "name", "created", "rootUrl", "signers", "territories", "lists", "anchors"})
public record SnapshotManifest(String format, String name, Instant created, String rootUrl, List<FileEntry> signers,
                               Set<String> territories, List<ListEntry> lists, List<AnchorEntry> anchors) {

    /** The manifest's file name inside a snapshot directory. */
    public static final String FILE_NAME = "snapshot.json";
    /** The format identifier this version reads and writes. */
    public static final String FORMAT = "allkiri-trust-snapshot/1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SnapshotManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(rootUrl, "rootUrl");
        signers = List.copyOf(signers);
        territories = territories == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(territories));
        lists = List.copyOf(lists);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /** A file with its digest. */
    public record FileEntry(String file, String sha256) {
        public FileEntry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** One list of the snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"url", "file", "name", "kind", "sequence", "issued", "nextUpdate", "sha256"})
    public record ListEntry(String url, String file, String name, TrustListInfo.Kind kind, int sequence, Instant issued,
                            Instant nextUpdate, String sha256) {
        public ListEntry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** A manual anchor: a certificate trusted as it is, and why. */
    public record AnchorEntry(String file, String sha256, String note) {
        public AnchorEntry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(note, "note");
        }
    }

    /** The next update that comes first among the lists, or null when none has one. */
    public Instant earliestNextUpdate() {
        return lists.stream().map(ListEntry::nextUpdate).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    static SnapshotManifest parse(byte[] json, String source) throws IOException {
        SnapshotManifest manifest;
        try {
            manifest = JSON.readValue(json, SnapshotManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a trust snapshot manifest: " + source + " (" + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new IOException("unsupported snapshot format '" + manifest.format() + "' in " + source);
        }
        return manifest;
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }
}
