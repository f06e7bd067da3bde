package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a report was made, so that a reader can tell what it proves and redo it: the allkiri
 * version, the validation time, the options in force, the trust used and every input by its
 * SHA-256. {@code docs/report-formats.md} says where each format carries it.
 *
 * @param allkiriVersion the version that made the report, e.g. {@code 0.1.0}
 * @param validationTime the instant every container was validated at
 * @param options        the options and policy in force, by name (strictness flags, the audit
 *                       rules, the personal-code mask), in a fixed order, values as printed
 * @param trust          each trust source, in the order given
 * @param inputs         each container looked at, in report order
 * @param skipped        files found in a folder that were not looked at, with the reason
 * @since 0.1.0
 */
@JsonPropertyOrder({"allkiriVersion", "validationTime", "options", "trust", "inputs", "skipped"})
public record Provenance(String allkiriVersion, Instant validationTime, Map<String, String> options, List<Trust> trust,
                         List<Input> inputs, List<Skipped> skipped) {

    public Provenance {
        Objects.requireNonNull(allkiriVersion, "allkiriVersion");
        Objects.requireNonNull(validationTime, "validationTime");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        trust = List.copyOf(trust);
        inputs = List.copyOf(inputs);
        skipped = List.copyOf(skipped);
    }

    /** The input with this path (as in {@link ContainerReport#path()}), if any. */
    public java.util.Optional<Input> input(String path) {
        return inputs.stream().filter(i -> i.path().equals(path)).findFirst();
    }

    /**
     * One trust source.
     *
     * @param source        its description (the folder, the snapshot, the list)
     * @param lists         the trusted lists it holds: name, sequence number, issue date, SHA-256
     * @param anchors       the certificates it trusts outside any list, by subject and SHA-256
     * @param anchorsSha256 SHA-256 over the anchors' SHA-256s (sorted, one hex line each), to
     *                      compare anchor sets at a glance; null without anchors
     */
    @JsonPropertyOrder({"source", "lists", "anchors", "anchorsSha256"})
    public record Trust(String source, List<TrustList> lists, List<Anchor> anchors, String anchorsSha256) {
        public Trust {
            Objects.requireNonNull(source, "source");
            lists = List.copyOf(lists);
            anchors = List.copyOf(anchors);
        }

        /** What a loaded trust source used: its lists and its plain anchors. */
        public static Trust of(String source, TrustMaterial material) {
            List<TrustList> lists = material.lists().stream().map(TrustList::of).toList();
            List<Anchor> anchors = new ArrayList<>();
            for (TrustedService s : material.services()) {
                if (!s.isListed()) {
                    anchors.add(new Anchor(s.name(), sha256(s)));
                }
            }
            anchors.sort(Comparator.comparing(Anchor::sha256));
            String set = null;
            if (!anchors.isEmpty()) {
                StringBuilder lines = new StringBuilder();
                anchors.forEach(a -> lines.append(a.sha256()).append('\n'));
                set = hex(digest().digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
            return new Trust(source, lists, anchors, set);
        }

        private static String sha256(TrustedService s) {
            try {
                return hex(digest().digest(s.certificate().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("a trusted certificate cannot be encoded: " + s.name(), e);
            }
        }
    }

    /**
     * A trusted list as used.
     *
     * @param name       its territory, e.g. {@code EE}
     * @param url        where it is published
     * @param sequence   its sequence number
     * @param issued     its issue date-time
     * @param nextUpdate its next update, or null for a closed list
     * @param sha256     SHA-256 of its XML
     */
    @JsonPropertyOrder({"name", "sequence", "issued", "nextUpdate", "sha256", "url"})
    public record TrustList(String name, String url, int sequence, Instant issued, Instant nextUpdate, String sha256) {
        static TrustList of(TrustListInfo l) {
            return new TrustList(l.name(), l.url(), l.sequence(), l.issued(), l.nextUpdate(), l.sha256());
        }
    }

    /**
     * A certificate trusted on its own.
     *
     * @param subject its subject
     * @param sha256  SHA-256 of the certificate
     */
    public record Anchor(String subject, String sha256) {
    }

    /**
     * One container looked at.
     *
     * @param path       as in the report ({@link ContainerReport#path()})
     * @param name       the path relative to the folder given on the command line (or the file's
     *                   name): what published reports show instead of the auditor's own paths
     * @param sha256     SHA-256 of the file's bytes, or null when it could not be read
     * @param size       its size in bytes, or null when it could not be read
     * @param unreadable why it could not be read, or null
     */
    @JsonPropertyOrder({"path", "name", "sha256", "size", "unreadable"})
    public record Input(String path, String name, String sha256, Long size, Unreadable unreadable) {
        public Input {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Why an input could not be read: it counts as not verified. */
    public enum Unreadable {
        /** No such file or directory (also a symbolic link to nothing). */
        NOT_FOUND,
        /** The operating system refused to open it. */
        PERMISSION_DENIED,
        /** Neither a regular file, a pipe nor a directory (a socket, a device). */
        NOT_A_FILE,
        /** Reading failed in another way (the message says how). */
        IO_ERROR
    }

    /**
     * A file found in a folder and not looked at.
     *
     * @param path   as found
     * @param name   relative to the folder given
     * @param reason why
     */
    @JsonPropertyOrder({"path", "name", "reason"})
    public record Skipped(String path, String name, SkipReason reason) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a file in a folder was not looked at. DDOC and ASiC-S files are not skipped: they are reported as unsupported containers. */
    public enum SkipReason {
        /** A PDF document (PAdES signatures are not verified). */
        PDF,
        /** A ZIP archive that is not an ASiC container. */
        ZIP_NOT_ASIC,
        /** Neither a container by its name nor by its content. */
        NOT_A_CONTAINER,
        /** A symbolic link to a folder: not followed. */
        LINKED_FOLDER,
        /** A pipe, socket or device found in a folder: never opened. */
        NOT_A_REGULAR_FILE
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
