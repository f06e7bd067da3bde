package ee.allkiri.cli;

import ee.allkiri.asic.ContainerContents;
import ee.allkiri.core.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        try (ContainerContents contents = ContainerContents.open(container)) {
            if (!contents.readable()) {
                throw new IOException(container + " is not a readable container: " + contents.findings().stream()
                        .filter(Finding::isError).map(f -> f.code().name()).collect(Collectors.joining(", ")));
            }
            List<ContainerContents.Extracted> extracted = contents.extractTo(out);
            for (ContainerContents.Extracted e : extracted) {
                if (e.written()) {
                    say.println(e.target() + " (" + e.file().size() + " bytes, SHA-256 " + e.file().sha256() + ")");
                } else {
                    err.println("allkiri: refused " + printable(e.file().name()) + ": " + e.refusal());
                }
            }
            if (extracted.isEmpty()) {
                err.println("allkiri: " + container + " has no data file");
            }
            say.println("not verified: allkiri verify " + container + " checks the signatures");
            say.flush();
            err.flush();
            return !extracted.isEmpty() && extracted.stream().allMatch(ContainerContents.Extracted::written)
                    ? Main.OK : Main.FAILED;
        }
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> sb.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", c) : Character.toString(c)));
        return sb.toString();
    }
}
