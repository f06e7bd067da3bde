package ee.allkiri.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ee.allkiri.core.internal.BoundedHttp.Failure;
import ee.allkiri.core.internal.BoundedHttp.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bounds on an answer: its size, its completeness, its status and the one deadline for all of it. */
class BoundedHttpTest {

    static final int CAP = 4096;
    /** Far beyond anything a loaded machine needs; the tests of the deadline set their own. */
    static final Duration PATIENT = Duration.ofSeconds(60);

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    static byte[] bytes(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    static String head(String status, String headers) {
        return "HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\n\r\n";
    }

    byte[] get(ScriptedPeer peer, Duration deadline) throws Failure {
        return BoundedHttp.body(client, HttpRequest.newBuilder(peer.uri()).GET().build(), CAP, deadline);
    }

    Problem problem(ScriptedPeer peer, Duration deadline) {
        Failure failure = catchThrowableOfType(Failure.class, () -> get(peer, deadline));
        assertThat(failure).as("the exchange fails").isNotNull();
        return failure.problem();
    }

    @Test
    @DisplayName("a body of exactly the cap is read, with its length announced or not")
    void bodyOfExactlyTheCapIsRead() throws Exception {
        try (ScriptedPeer announced = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", "Content-Length: " + CAP + "\r\n"));
            out.bytes(bytes(CAP));
        }); ScriptedPeer unannounced = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", ""));
            out.bytes(bytes(CAP));
        })) {
            assertThat(get(announced, PATIENT)).hasSize(CAP);
            assertThat(get(unannounced, PATIENT)).hasSize(CAP);
        }
    }

    @Test
    @DisplayName("one byte over the cap is TOO_LARGE: refused when announced, cut off when streamed")
    void oneByteOverTheCapIsTooLarge() throws IOException {
        try (ScriptedPeer announced = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", "Content-Length: " + (CAP + 1) + "\r\n"));
            out.bytes(bytes(CAP + 1));
        }); ScriptedPeer unannounced = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", ""));
            out.bytes(bytes(CAP + 1));
        })) {
            assertThat(problem(announced, PATIENT)).isEqualTo(Problem.TOO_LARGE);
            assertThat(problem(unannounced, PATIENT)).isEqualTo(Problem.TOO_LARGE);
        }
    }

    @Test
    @DisplayName("an endless body is TOO_LARGE, and reading stops: the peer gets out a fraction of the flood")
    void endlessBodyIsCutOff() throws IOException {
        long flood = 64L * 1024 * 1024;
        try (ScriptedPeer endless = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", ""));
            byte[] chunk = bytes(8192);
            for (long sent = 0; sent < flood; sent += chunk.length) {
                out.bytes(chunk);
            }
        })) {
            assertThat(problem(endless, PATIENT)).isEqualTo(Problem.TOO_LARGE);
            // what got out is the cap plus the socket buffers, not the flood
            assertThat(endless.written()).isLessThan(flood / 4);
        }
    }

    @Test
    @DisplayName("a body that drips slowly but ends before the deadline is read whole")
    void slowDripWithinTheDeadlineIsRead() throws Exception {
        try (ScriptedPeer drip = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", "Content-Length: 10\r\n"));
            for (int i = 0; i < 10; i++) {
                out.bytes(new byte[] {'x'});
                Thread.sleep(50);
            }
        })) {
            assertThat(get(drip, PATIENT)).hasSize(10);
        }
    }

    @Test
    @DisplayName("a body still dripping at the deadline is TIMED_OUT, though every byte came within any read timeout")
    void dripPastTheDeadlineIsTimedOut() throws IOException {
        try (ScriptedPeer drip = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", "Content-Length: 1000\r\n"));
            for (int i = 0; i < 1000; i++) {
                out.bytes(new byte[] {'x'});
                Thread.sleep(100);
            }
        })) {
            assertThat(problem(drip, Duration.ofMillis(500))).isEqualTo(Problem.TIMED_OUT);
        }
    }

    @Test
    @DisplayName("a peer that never answers is TIMED_OUT at the deadline")
    void silentPeerIsTimedOut() throws IOException {
        try (ScriptedPeer silent = new ScriptedPeer(out -> Thread.sleep(60_000))) {
            assertThat(problem(silent, Duration.ofMillis(500))).isEqualTo(Problem.TIMED_OUT);
        }
    }

    @Test
    @DisplayName("a body that ends before its Content-Length is TRUNCATED")
    void bodyShorterThanAnnouncedIsTruncated() throws IOException {
        try (ScriptedPeer half = new ScriptedPeer(out -> {
            out.ascii(head("200 OK", "Content-Length: 100\r\n"));
            out.bytes(bytes(50));
        })) {
            assertThat(problem(half, PATIENT)).isEqualTo(Problem.TRUNCATED);
        }
    }

    @Test
    @DisplayName("an answer other than 200 is NOT_OK, its body unread")
    void statusOtherThan200IsNotOk() throws IOException {
        try (ScriptedPeer failing = new ScriptedPeer(out -> {
            out.ascii(head("503 Service Unavailable", "Content-Length: 5\r\n"));
            out.ascii("oops!");
        })) {
            assertThat(problem(failing, PATIENT)).isEqualTo(Problem.NOT_OK);
        }
    }

    @Test
    @DisplayName("a port nobody listens on is UNREACHABLE")
    void closedPortIsUnreachable() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        Failure failure = catchThrowableOfType(Failure.class,
                () -> BoundedHttp.body(client, HttpRequest.newBuilder(closed).GET().build(), CAP, PATIENT));
        assertThat(failure.problem()).isEqualTo(Problem.UNREACHABLE);
    }
}
