package ee.allkiri.asic.internal.dss;

import ee.allkiri.asic.internal.Deadline;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A container's data file as DSS sees it: streamed from the container on demand, each digest
 * computed once and shared by every signature of the container, safely from many threads
 * (DSS's own documents cache digests in an unsynchronized map).
 */
public final class DataFileDocument implements DSSDocument {

    private static final long serialVersionUID = 1L;

    /** Opens the file's content; may be called repeatedly and concurrently. */
    @FunctionalInterface
    public interface Content extends java.io.Serializable {
        InputStream open() throws IOException;
    }

    private final String name;
    private final transient Content content;
    private final transient Deadline deadline;
    private final transient Map<DigestAlgorithm, byte[]> digests = new ConcurrentHashMap<>();

    public DataFileDocument(String name, Content content) {
        this(name, content, Deadline.none());
    }

    /** A data file whose digests stop at the deadline (checked after each buffer). */
    public DataFileDocument(String name, Content content, Deadline deadline) {
        this.name = name;
        this.content = content;
        this.deadline = deadline;
    }

    @Override
    public InputStream openStream() {
        try {
            return content.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + name, e);
        }
    }

    @Override
    public void writeTo(OutputStream stream) throws IOException {
        try (InputStream in = content.open()) {
            in.transferTo(stream);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    /** Ignored: the name is the entry name and does not change. */
    @Override
    public void setName(String ignored) {
    }

    @Override
    public MimeType getMimeType() {
        return MimeTypeEnum.BINARY;
    }

    /** Ignored: media types come from the manifest, not from DSS. */
    @Override
    public void setMimeType(MimeType ignored) {
    }

    @Override
    public void save(String filePath) throws IOException {
        try (OutputStream out = Files.newOutputStream(Path.of(filePath))) {
            writeTo(out);
        }
    }

    @Override
    public Digest getDigest(DigestAlgorithm algorithm) {
        return new Digest(algorithm, getDigestValue(algorithm));
    }

    @Override
    public byte[] getDigestValue(DigestAlgorithm algorithm) {
        return digests.computeIfAbsent(algorithm, this::compute).clone();
    }

    private byte[] compute(DigestAlgorithm algorithm) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content.open()) {
            MessageDigest md = algorithm.getMessageDigest();
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
                deadline.check();
            }
            return md.digest();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new DSSException("cannot digest data file " + name, e);
        }
    }
}
