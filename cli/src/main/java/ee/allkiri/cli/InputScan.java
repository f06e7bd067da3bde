package ee.allkiri.cli;

import ee.allkiri.core.Provenance;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the PATH arguments name, found before anything is verified: files to verify, streams
 * ({@code -} for standard input, a pipe such as {@code <(cmd)}), DDOC and ASiC-S files
 * (recognised by their content and reported as unsupported), inputs that cannot be read (with
 * the reason; the scan goes on), and files in folders that are not containers (skipped, with the
 * reason). A folder is searched recursively; symbolic links to folders are not followed.
 */
final class InputScan {

    /** The names of container files in a folder; other files are looked at by content. */
    static final List<String> EXTENSIONS = List.of(".asice", ".bdoc", ".sce");

    /** One input, in report order. */
    sealed interface Entry permits Verify, Stream, Unsupported, Unreadable {
        /** As the report names it. */
        String path();

        /** Relative to the folder given, or the file's own name. */
        String name();
    }

    /** A file to verify. */
    record Verify(Path file, String path, String name) implements Entry {
    }

    /** A pipe or standard input ({@code file} null), read once into a temporary file. */
    record Stream(Path file, String path, String name) implements Entry {
    }

    /** A DDOC or ASiC-S file: reported, not verified. */
    record Unsupported(Path file, String path, String name, ContentKind kind) implements Entry {
    }

    /** An input that cannot be read. */
    record Unreadable(String path, String name, Provenance.Unreadable kind, String reason) implements Entry {
    }

    /**
     * The inputs.
     *
     * @param entries what is reported on, in order
     * @param skipped files in folders that are not containers
     */
    record Result(List<Entry> entries, List<Provenance.Skipped> skipped) {
        boolean nothingFound() {
            return entries.isEmpty();
        }
    }

    /** The standard-input argument. */
    static final String STDIN = "-";

    private final Set<Path> ignored;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Provenance.Skipped> skipped = new ArrayList<>();

    private InputScan(Set<Path> ignored) {
        this.ignored = ignored;
    }

    /**
     * Scans the arguments.
     *
     * @param paths   the PATH arguments
     * @param ignored files never to report (the report's own temporary file), absolute and normalized
     */
    static Result scan(List<Path> paths, Set<Path> ignored) {
        InputScan scan = new InputScan(ignored);
        for (Path path : paths) {
            scan.argument(path);
        }
        return new Result(List.copyOf(scan.entries), List.copyOf(scan.skipped));
    }

    private void argument(Path path) {
        String given = path.toString();
        if (given.equals(STDIN)) {
            entries.add(new Stream(null, STDIN, "standard input"));
            return;
        }
        String name = path.getFileName() == null ? given : path.getFileName().toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            entries.add(unreadable(given, name, danglingOr(path, e)));
            return;
        }
        if (attrs.isDirectory()) {
            folder(path);
        } else if (attrs.isRegularFile()) {
            explicitFile(path, given, name);
        } else if (isStream(path)) {
            entries.add(new Stream(path, given, name));
        } else {
            entries.add(new Unreadable(given, name, Provenance.Unreadable.NOT_A_FILE, "not a file, a pipe or a folder"));
        }
    }

    /** A file named on the command line is verified whatever its name, unless it is a DDOC or ASiC-S. */
    private void explicitFile(Path file, String given, String name) {
        ContentKind kind;
        try {
            kind = ContentKind.of(file);
        } catch (IOException e) {
            entries.add(unreadable(given, name, e));
            return;
        }
        if (kind == ContentKind.DDOC || kind == ContentKind.ASIC_S) {
            entries.add(new Unsupported(file, given, name, kind));
        } else {
            entries.add(new Verify(file, given, name));
        }
    }

    private void folder(Path root) {
        List<Entry> found = new ArrayList<>();
        List<Provenance.Skipped> notContainers = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    inFolder(root, file, attrs, found, notContainers);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(unreadable(file.toString(), relative(root, file), e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(unreadable(root.toString(), root.toString(), e));
        }
        found.sort(Comparator.comparing(Entry::path));
        notContainers.sort(Comparator.comparing(Provenance.Skipped::path));
        entries.addAll(found);
        skipped.addAll(notContainers);
    }

    private void inFolder(Path root, Path file, BasicFileAttributes attrs, List<Entry> found,
                          List<Provenance.Skipped> notContainers) {
        if (ignored.contains(file.toAbsolutePath().normalize())) {
            return;
        }
        String path = file.toString();
        String name = relative(root, file);
        BasicFileAttributes target = attrs;
        if (attrs.isSymbolicLink()) {
            try {
                target = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                found.add(unreadable(path, name, danglingOr(file, e)));
                return;
            }
            if (target.isDirectory()) {
                notContainers.add(new Provenance.Skipped(path, name, Provenance.SkipReason.LINKED_FOLDER));
                return;
            }
        }
        if (!target.isRegularFile()) {
            notContainers.add(new Provenance.Skipped(path, name, Provenance.SkipReason.NOT_A_REGULAR_FILE));
            return;
        }
        ContentKind kind;
        try {
            kind = ContentKind.of(file);
        } catch (IOException e) {
            found.add(unreadable(path, name, e));
            return;
        }
        boolean containerName = hasContainerName(file);
        switch (kind) {
            case DDOC, ASIC_S -> found.add(new Unsupported(file, path, name, kind));
            case ASIC_E -> found.add(new Verify(file, path, name));
            default -> {
                if (containerName) {
                    found.add(new Verify(file, path, name));
                } else {
                    notContainers.add(new Provenance.Skipped(path, name, switch (kind) {
                        case PDF -> Provenance.SkipReason.PDF;
                        case ZIP -> Provenance.SkipReason.ZIP_NOT_ASIC;
                        default -> Provenance.SkipReason.NOT_A_CONTAINER;
                    }));
                }
            }
        }
    }

    static boolean hasContainerName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** A pipe, or a path the shell made for one ({@code /dev/stdin}, {@code /dev/fd/63}). */
    private static boolean isStream(Path path) {
        try {
            Object fifo = Files.getAttribute(path, "unix:mode");
            if (fifo instanceof Integer mode && (mode & 0170000) == 0010000) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix file system: fall through to the name
        }
        String s = path.toAbsolutePath().normalize().toString();
        return s.startsWith("/dev/fd/") || s.equals("/dev/stdin") || s.startsWith("/proc/self/fd/");
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.toString().isEmpty() ? file.toString() : rel.toString();
    }

    private static Unreadable unreadable(String path, String name, IOException e) {
        return new Unreadable(path, name, Problems.kind(e), Problems.reason(e));
    }

    /** A symbolic link whose target is missing says so, instead of just "not found". */
    private static IOException danglingOr(Path path, IOException e) {
        if (e instanceof NoSuchFileException && Files.isSymbolicLink(path)) {
            try {
                return new NoSuchFileException(path.toString(), null,
                        "a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist");
            } catch (IOException ignored) {
                return e;
            }
        }
        return e;
    }
}
