package ee.allkiri.cli;

import ee.allkiri.asic.container.ContainerLimits;
import ee.allkiri.asic.container.ContainerReader;
import ee.allkiri.asic.container.DataFileEntry;
import ee.allkiri.asic.container.ParsedContainer;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code allkiri extract}: writes a container's data files (the initiative document of a bundle)
 * into a folder, without verifying anything. A name that is not a plain relative path (absolute,
 * with {@code ..}, a backslash or a control character) is refused, as is a name that would
 * leave the folder through a symbolic link; existing files are never overwritten.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Write a container's data files into a folder, without verifying the signatures (run verify or"
                + " audit for that). Unsafe names are refused; existing files are not overwritten.",
                "Exit 0 when every data file was written, 1 when one was refused, 2 on an error."})
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write to (created if missing).")
    Path out;

    @Parameters(arity = "1", paramLabel = "CONTAINER", description = "The ASiC-E / BDOC container.")
    Path container;

    @Override
    public Integer call() throws IOException {
        PrintWriter say = new PrintWriter(new java.io.OutputStreamWriter(main.streams.out(),
                java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = main.streams.err();
        try (ParsedContainer parsed = new ContainerReader(ContainerLimits.DEFAULT).read(container)) {
            if (!parsed.isReadable()) {
                throw new IOException(container + " is not a readable container: " + parsed.findings().stream()
                        .filter(Finding::isError).map(f -> f.code().name()).collect(Collectors.joining(", ")));
            }
            Set<String> unsafe = parsed.findings().stream().filter(f -> f.code() == FindingCode.ENTRY_NAME_UNSAFE)
                    .map(Finding::location).collect(Collectors.toSet());
            Files.createDirectories(out);
            Path root = out.toRealPath();
            int refused = 0;
            for (DataFileEntry file : parsed.dataFiles()) {
                String why = unsafe.contains(file.name()) ? "an unsafe entry name" : SafeNames.problem(file.name());
                Path target = why == null ? root.resolve(file.name()).normalize() : null;
                if (why == null && !target.startsWith(root)) {
                    why = "it leaves the folder";
                }
                if (why == null) {
                    why = write(parsed, file, root, target);
                }
                if (why != null) {
                    refused++;
                    err.println("allkiri: refused " + printable(file.name()) + ": " + why);
                } else {
                    say.println(target + " (" + file.size() + " bytes, SHA-256 " + HexFormat.of().formatHex(file.sha256()) + ")");
                }
            }
            if (parsed.dataFiles().isEmpty()) {
                err.println("allkiri: " + container + " has no data file");
            }
            say.println("not verified: allkiri verify " + container + " checks the signatures");
            say.flush();
            err.flush();
            return refused == 0 && !parsed.dataFiles().isEmpty() ? Main.OK : Main.FAILED;
        }
    }

    /** Writes one file; returns why it was refused, or null. */
    private static String write(ParsedContainer parsed, DataFileEntry file, Path root, Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root)) {
            return "its folder leads out of " + root + " through a symbolic link";
        }
        try (InputStream in = parsed.openEntry(file.name());
             OutputStream o = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(o);
        } catch (FileAlreadyExistsException e) {
            return target + " exists already";
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> sb.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", c) : Character.toString(c)));
        return sb.toString();
    }
}
