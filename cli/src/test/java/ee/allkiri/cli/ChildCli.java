package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code allkiri} in a child JVM, for what only a real process shows: its standard output
 * and error as file descriptors, its exit code, a shell's redirections, its umask.
 */
final class ChildCli {

    /**
     * What the process did.
     *
     * @param exitCode its exit code
     * @param stdout   what it wrote to standard output (empty when that was redirected by the shell)
     * @param stderr   what it wrote to standard error
     */
    record Run(int exitCode, String stdout, String stderr) {
        /** Standard error's lines. */
        List<String> errLines() {
            return stderr.lines().collect(Collectors.toList());
        }
    }

    private ChildCli() {
    }

    /** The command that starts the CLI, for a shell line or a process. */
    static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the CLI with standard input from {@code stdin} (null: /dev/null). */
    static Run run(Path dir, Path stdin, String... args) throws Exception {
        return start(dir, java(args), stdin);
    }

    /**
     * Runs a bash line in which {@code $ALLKIRI} starts the CLI (e.g. to redirect its output or
     * set the umask); bash is a test requirement.
     */
    static Run bash(Path dir, String line) throws Exception {
        Path bash = Path.of("/bin/bash");
        assertThat(bash).as("these tests need bash at /bin/bash").isExecutable();
        String allkiri = java().stream().map(ChildCli::quote).collect(Collectors.joining(" "));
        return start(dir, List.of(bash.toString(), "-c", "ALLKIRI=(" + allkiri + "); " + line.replace("$ALLKIRI",
                "\"${ALLKIRI[@]}\"")), null);
    }

    static Run start(Path dir, List<String> command, Path stdin) throws Exception {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(stdin == null ? new File("/dev/null") : stdin.toFile());
        Process p = builder.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the child finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
