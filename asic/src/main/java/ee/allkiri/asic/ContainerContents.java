package ee.allkiri.asic;

import ee.allkiri.asic.internal.container.ContainerReader;
import ee.allkiri.asic.internal.container.DataFileEntry;
import ee.allkiri.asic.internal.container.Extraction;
import ee.allkiri.asic.internal.container.ParsedContainer;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Finding;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a container holds, read without verifying anything: its data files (name, media type,
 * size, SHA-256), the names of its signature files, each data file's content, and a safe way to
 * write the data files into a folder. For taking the initiative document out of a bundle,
 * counting an upload's signatures before paying for their verification, or {@code allkiri
 * extract}. Nothing here says that a file was signed or is unchanged: {@link Verifier} says that.
 *
 * <pre>{@code
 * try (ContainerContents contents = ContainerContents.open(Path.of("bundle.asice"))) {
 *     for (DataFile file : contents.dataFiles()) {
 *         System.out.println(file.name() + " " + file.sha256());
 *     }
 * }
 * }</pre>
 *
 * <p>The container is read with the same hardened reader and {@link ContainerLimits} as a
 * verification: content that breaks them is no exception but {@link #readable()} false, with
 * the reason among {@link #findings()}. A file is kept open until {@link #close()}. Thread-safe:
 * any number of threads may read data files at once.
 *
 * @since 0.1.0
 */
public final class ContainerContents implements Closeable {

    private final ParsedContainer parsed;
    private final List<DataFile> dataFiles;

    private ContainerContents(ParsedContainer parsed) {
        this.parsed = parsed;
        this.dataFiles = parsed.dataFiles().stream().map(DataFileEntry::toDataFile).toList();
    }

    /**
     * Reads a container file within {@link ContainerLimits#DEFAULT}.
     *
     * @throws IOException only when the file cannot be read at all
     */
    public static ContainerContents open(Path file) throws IOException {
        return open(file, ContainerLimits.DEFAULT);
    }

    /**
     * Reads a container file within the limits.
     *
     * @throws IOException only when the file cannot be read at all
     */
    public static ContainerContents open(Path file, ContainerLimits limits) throws IOException {
        return new ContainerContents(new ContainerReader(limits).read(file));
    }

    /** Reads a container held in memory (not copied: do not change the array meanwhile) within the limits. */
    public static ContainerContents of(byte[] container, ContainerLimits limits) {
        return new ContainerContents(new ContainerReader(limits).read(container));
    }

    /** False when the archive cannot be used at all (not a ZIP, a damaged directory, a limit exceeded): then it lists nothing. */
    public boolean readable() {
        return parsed.isReadable();
    }

    /** What the reader found wrong with the container's structure (the container findings a verification reports too). */
    public List<Finding> findings() {
        return parsed.findings();
    }

    /** The data files in archive order, each name once, with the manifest's media type; their content is not verified. */
    public List<DataFile> dataFiles() {
        return dataFiles;
    }

    /** The names of the signature files ({@code META-INF/*signatures*.xml}, {@code META-INF/*signature*.p7s}) in archive order. */
    public List<String> signatureFiles() {
        return parsed.signatureFiles();
    }

    /**
     * The content of one data file, as a stream for one thread (close it).
     *
     * @throws NoSuchFileException when {@code name} is not among {@link #dataFiles()}
     * @throws IOException         when the entry cannot be read (damaged, over a limit) or the file is closed
     */
    public InputStream openDataFile(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (dataFiles.stream().noneMatch(f -> f.name().equals(name))) {
            throw new NoSuchFileException(name, null, "the container has no such data file");
        }
        return parsed.openEntry(name);
    }

    /**
     * One data file of {@link #extractTo(Path)}: written to {@code target}, or refused.
     *
     * @param file    the data file
     * @param target  where it was written, or would have been; null when its name was refused
     * @param refusal why it was not written, or null when it was
     */
    public record Extracted(DataFile file, Path target, String refusal) {

        /** Whether the file was written. */
        public boolean written() {
            return refusal == null;
        }
    }

    /**
     * Writes the data files below {@code folder} (created if missing), in archive order. A name
     * that is not a plain relative path (absolute, a drive letter, a {@code ..} or empty segment,
     * a backslash or a control character, or flagged {@code ENTRY_NAME_UNSAFE}), a path that would
     * leave the folder, also through a symbolic link, and a file that exists already are refused,
     * each with its reason; existing files are never overwritten.
     *
     * @throws IOException when the container is not {@link #readable()}, or writing fails
     */
    public List<Extracted> extractTo(Path folder) throws IOException {
        if (!readable()) {
            throw new IOException("not a readable container: " + findings().stream().filter(Finding::isError)
                    .map(f -> f.code().name()).collect(Collectors.joining(", ")));
        }
        Files.createDirectories(folder);
        Extraction extraction = new Extraction(parsed, folder.toRealPath());
        List<Extracted> out = new ArrayList<>(dataFiles.size());
        for (int i = 0; i < dataFiles.size(); i++) {
            Extraction.Outcome outcome = extraction.write(parsed.dataFiles().get(i));
            out.add(new Extracted(dataFiles.get(i), outcome.target(), outcome.refusal()));
        }
        return List.copyOf(out);
    }

    @Override
    public void close() throws IOException {
        parsed.close();
    }
}
