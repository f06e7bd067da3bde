package ee.allkiri.asic.internal.container;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a container's data files below a folder, refusing every name that is not a plain
 * relative path (as {@link EntryNameRules} judges it, or flagged {@code ENTRY_NAME_UNSAFE} by the
 * reader), every path that would leave the folder, also through a symbolic link, and every file
 * that exists already.
 */
public final class Extraction {

    private final ParsedContainer container;
    private final Path root;
    private final Set<String> flagged;

    /** @param root the folder, existing, as a real path */
    public Extraction(ParsedContainer container, Path root) {
        this.container = container;
        this.root = root;
        this.flagged = container.findings().stream().filter(f -> f.code() == FindingCode.ENTRY_NAME_UNSAFE)
                .map(Finding::location).collect(Collectors.toSet());
    }

    /** Where the data file went, or why it was refused. */
    public record Outcome(Path target, String refusal) {
    }

    /** Writes one data file. */
    public Outcome write(DataFileEntry file) throws IOException {
        String name = file.name();
        String why = flagged.contains(name) ? "an unsafe entry name" : EntryNameRules.unsafeReason(name);
        if (why == null && name.endsWith("/")) {
            why = "not a file name";
        }
        if (why != null) {
            return new Outcome(null, why);
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            return new Outcome(null, "it leaves the folder");
        }
        if (!foldersInside(target.getParent())) {
            return new Outcome(target, "its folder leads out of " + root + " through a symbolic link");
        }
        try (InputStream in = container.openEntry(name);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(out);
        } catch (FileAlreadyExistsException e) {
            return new Outcome(target, target + " exists already");
        }
        return new Outcome(target, null);
    }

    /** Makes the folders down to {@code folder} one level at a time, never below a link that leads out of the root. */
    private boolean foldersInside(Path folder) throws IOException {
        Path at = root;
        for (Path segment : root.relativize(folder)) {
            at = at.resolve(segment);
            if (Files.isSymbolicLink(at) && !Files.exists(at)) {
                return false; // a dangling link: creating the folder would follow it
            }
            if (!Files.exists(at)) {
                Files.createDirectory(at);
            }
            if (!at.toRealPath().startsWith(root)) {
                return false;
            }
        }
        return true;
    }
}
