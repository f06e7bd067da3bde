package ee.allkiri.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Where a report goes, prepared before any verification starts so that an unwritable
 * {@code --output} fails at once, not after a long run:
 *
 * <ul>
 *   <li>standard output: written and flushed; a write error (a full disk, a closed pipe) is an
 *       {@link IOException} naming standard output;</li>
 *   <li>a regular file, or a new one: written to a temporary file beside it (made now, with the
 *       umask's mode; an existing file's mode and owner are copied to it) and renamed over it
 *       atomically, so that a reader never sees half a report; a symbolic link is followed and
 *       stays a link to the new file;</li>
 *   <li>anything else (a pipe, {@code >(cmd)}, a device, {@code /dev/stdout}), and a regular file
 *       whose hard links or owner a rename would lose: written in place.</li>
 * </ul>
 *
 * Errors name the {@code --output} path, never the temporary file.
 */
final class ReportTarget implements Closeable {

    /** What a report is written by. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private enum Mode { STDOUT, REPLACE, IN_PLACE }

    private final Mode mode;
    private final String option;
    private final Path given;
    private final Path destination;
    private final Path temporary;
    private final OutputStream stdout;

    private ReportTarget(Mode mode, String option, Path given, Path destination, Path temporary, OutputStream stdout) {
        this.mode = mode;
        this.option = option;
        this.given = given;
        this.destination = destination;
        this.temporary = temporary;
        this.stdout = stdout;
    }

    /** Standard output. */
    static ReportTarget stdout(OutputStream out) {
        return new ReportTarget(Mode.STDOUT, "--output", null, null, null, out);
    }

    /**
     * Checks that {@code output} can be written and prepares it.
     *
     * @param output the {@code --output} path, or null for standard output
     * @throws IOException naming {@code output} when it cannot be written
     */
    static ReportTarget prepare(Path output, OutputStream stdout) throws IOException {
        if (output == null) {
            return stdout(stdout);
        }
        return prepare("--output", output);
    }

    /**
     * Checks that a file another option names (e.g. {@code --export-counted}) can be written, and
     * prepares it as {@code --output} is prepared.
     *
     * @param option the option, for error messages
     * @param output the file
     * @throws IOException naming the option and the file when it cannot be written
     */
    static ReportTarget prepare(String option, Path output) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(output, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(output)) {
                throw problem(option, output, "a symbolic link to " + Files.readSymbolicLink(output) + ", which does not exist");
            }
            return replace(option, output, output.toAbsolutePath().normalize(), null);
        } catch (IOException e) {
            throw problem(option, output, Problems.reason(e));
        }
        if (attrs.isDirectory()) {
            throw problem(option, output, "is a folder");
        }
        if (!attrs.isRegularFile() || isProcessPath(output)) {
            if (!Files.isWritable(output)) {
                throw problem(option, output, "not writable");
            }
            return new ReportTarget(Mode.IN_PLACE, option, output, output, null, null);
        }
        Path real = output.toRealPath();
        if (!Files.isWritable(real)) {
            throw problem(option, output, "not writable");
        }
        return replace(option, output, real, Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    /** The temporary file, if any: a folder scan must not report it. */
    Set<Path> ownFiles() {
        if (temporary == null) {
            return Set.of();
        }
        return Set.of(temporary.toAbsolutePath().normalize(), destination.toAbsolutePath().normalize());
    }

    /** Writes the report; for a regular file, replaces it atomically. */
    void write(Body body) throws IOException {
        switch (mode) {
            case STDOUT -> {
                try {
                    OutputStream out = new BufferedOutputStream(new NonClosingOutput(stdout), 64 * 1024);
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    throw new IOException("cannot write the report to standard output: " + Problems.reason(e), e);
                }
            }
            case IN_PLACE -> {
                Set<OpenOption> options = Files.isRegularFile(destination)
                        ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                        : Set.of(StandardOpenOption.WRITE);
                try (OutputStream out = new BufferedOutputStream(
                        Channels.newOutputStream(Files.newByteChannel(destination, options)), 64 * 1024)) {
                    body.writeTo(out);
                } catch (IOException e) {
                    throw problem(option, given, Problems.reason(e));
                }
            }
            case REPLACE -> {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                     OutputStream out = new BufferedOutputStream(new NonClosingOutput(Channels.newOutputStream(channel)), 64 * 1024)) {
                    body.writeTo(out);
                    out.flush();
                    channel.force(true);
                } catch (IOException e) {
                    throw problem(option, given, Problems.reason(e));
                }
                try {
                    Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw problem(option, given, Problems.reason(e));
                }
            }
        }
    }

    /** Removes the temporary file if the report was not written. */
    @Override
    public void close() {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more can be done; the name says what it is
            }
        }
    }

    /**
     * A temporary file beside {@code real}, made now with the umask's mode; an existing file's
     * mode, owner and group go to it. When they cannot (someone else's file), or a rename would
     * cut hard links, the report is written in place instead.
     */
    private static ReportTarget replace(String option, Path given, Path real, PosixFileAttributes existing)
            throws IOException {
        Path folder = real.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw problem(option, given, folder != null && Files.exists(folder) ? folder + " is not a folder"
                    : "the folder " + folder + " does not exist");
        }
        if (existing != null && linkCount(real) > 1) {
            return new ReportTarget(Mode.IN_PLACE, option, given, real, null, null);
        }
        Path temporary = newTemporary(option, given, folder, real.getFileName().toString());
        if (existing != null && !copyOwnership(existing, temporary)) {
            Files.deleteIfExists(temporary);
            return new ReportTarget(Mode.IN_PLACE, option, given, real, null, null);
        }
        return new ReportTarget(Mode.REPLACE, option, given, real, temporary, null);
    }

    private static Path newTemporary(String option, Path given, Path folder, String name) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] suffix = new byte[6];
            random.nextBytes(suffix);
            Path candidate = folder.resolve("." + name + "." + HexFormat.of().formatHex(suffix) + ".allkiri-tmp");
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // another name
            } catch (IOException e) {
                throw problem(option, given, "cannot create a file in " + folder + ": " + Problems.reason(e));
            }
        }
        throw problem(option, given, "cannot create a temporary file in " + folder);
    }

    private static boolean copyOwnership(PosixFileAttributes existing, Path temporary) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return true;
            }
            PosixFileAttributes mine = view.readAttributes();
            UserPrincipal owner = existing.owner();
            GroupPrincipal group = existing.group();
            if (!mine.owner().equals(owner)) {
                view.setOwner(owner);
            }
            if (!mine.group().equals(group)) {
                view.setGroup(group);
            }
            view.setPermissions(existing.permissions());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /** {@code /dev/...} and {@code /proc/...} paths stand for open files: never replaced. */
    private static boolean isProcessPath(Path path) {
        String s = path.toAbsolutePath().normalize().toString();
        return s.startsWith("/dev/") || s.startsWith("/proc/");
    }

    private static IOException problem(String option, Path output, String reason) {
        return new IOException(option + " " + output + ": " + reason);
    }
}
