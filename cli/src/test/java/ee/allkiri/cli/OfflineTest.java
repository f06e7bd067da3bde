package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.ocsp.testing.ExternalTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification of all fixtures opens no network connection: the command runs in a child JVM
 * under strace, and every connect(2) it makes is listed; only loopback and local (AF_UNIX)
 * addresses may appear. A control run proves the check sees a real outbound attempt.
 */
class OfflineTest {

    private static final Pattern CONNECT = Pattern.compile("connect\\(\\d+, \\{sa_family=(AF_INET6?|AF_UNIX)([^}]*)\\}");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsStrace() {
        ExternalTool.require("/usr/bin/strace", "strace");
    }

    @Test
    void verifyingEveryFixtureConnectsNowhere() throws Exception {
        Path out = tmp.resolve("out.json");
        Traced run = traced("ee.allkiri.cli.Main", "verify", "--format", "json", "--output", out.toString(),
                "--trust", VerifyCommandTest.trust(), VerifyCommandTest.containers().toString());
        assertThat(run.exitCode()).as(run.log()).isEqualTo(Main.FAILED);
        assertThat(Files.size(out)).isPositive();
        assertThat(run.outboundConnects()).isEmpty();
    }

    @Test
    void theCheckSeesAnOutboundConnectionAttempt() throws Exception {
        Traced run = traced(OfflineTest.class.getName() + "$Dialer");
        assertThat(run.outboundConnects()).anyMatch(line -> line.contains("192.0.2.1"));
    }

    /** A child that tries to reach a TEST-NET-1 address (RFC 5737; never routed). */
    public static final class Dialer {
        public static void main(String[] args) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("192.0.2.1", 9), 200);
            } catch (IOException expected) {
                // the attempt is what matters
            }
        }
    }

    record Traced(int exitCode, String log, List<String> outboundConnects) {
    }

    private Traced traced(String mainClass, String... args) throws Exception {
        Path trace = tmp.resolve(mainClass.hashCode() + ".trace");
        Path log = tmp.resolve(mainClass.hashCode() + ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/strace", "-f", "-qq", "-e", "trace=connect",
                "-o", trace.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<String> outbound = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher m = CONNECT.matcher(line);
            if (m.find() && !m.group(1).equals("AF_UNIX") && !isLoopback(m.group(2))) {
                outbound.add(line);
            }
        }
        return new Traced(process.exitValue(), Files.readString(log), outbound);
    }

    private static boolean isLoopback(String address) {
        return address.contains("inet_addr(\"127.") || address.contains("\"::1\"") || address.contains("\"::ffff:127.");
    }
}
