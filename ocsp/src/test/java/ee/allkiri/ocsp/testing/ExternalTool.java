package ee.allkiri.ocsp.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * The external programs some tests drive as real peers (openssl, strace, chromium, node, npm).
 * A test that needs one calls {@link #require}: when the program is missing the test fails,
 * naming the program and the command that installs it. It never skips: a skipped test proves
 * nothing, and {@code scripts/test} installs every one of them before it runs the build.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * The program's path, found on the {@code PATH} (or as given, when absolute).
     *
     * @param program       the command, e.g. {@code openssl}, or an absolute path
     * @param debianPackage the Debian package that installs it
     * @throws AssertionFailedError when the program is not there
     */
    public static Path require(String program, String debianPackage) {
        Path found = find(program);
        if (found == null) {
            throw new AssertionFailedError(program + " is not installed, and this test drives it: install it with"
                    + " 'sudo apt-get install " + debianPackage + "', or run scripts/test, which installs every program"
                    + " the tests need");
        }
        return found;
    }

    private static Path find(String program) {
        Path given = Path.of(program);
        if (given.isAbsolute()) {
            return Files.isExecutable(given) ? given : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
