package ee.allkiri.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the command line's PATH arguments: files as given, directories searched for containers. */
final class ContainerFiles {

    private static final List<String> EXTENSIONS = List.of(".asice", ".bdoc", ".sce");

    private ContainerFiles() {
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    out.addAll(walk.filter(Files::isRegularFile).filter(ContainerFiles::isContainer).sorted().toList());
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(path)) {
                out.add(path);
            } else {
                throw new NoSuchFileException(path.toString(), null, "no such file or directory");
            }
        }
        return out;
    }

    static boolean isContainer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
