package ee.allkiri.testkit.service;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Pem;
import ee.allkiri.testkit.pki.Persona;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OCSP responder for the tests: OpenSSL's {@code openssl ocsp} server on a port the
 * kernel picks ({@code -port 0}), answering from an {@code index.txt} the test writes. It needs
 * {@code openssl} on the PATH (a test checks for it first, to fail naming it).
 *
 * @since 0.1.0
 */
public final class OpensslResponder implements AutoCloseable {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+) ");
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Process process;
    private final int port;
    private final Path directory;

    private OpensslResponder(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Starts a responder for the certificates {@code ca} issued, signing with {@code signer}'s
     * key, that knows the personas: each good, or revoked (keyCompromise) at its
     * {@link Persona#revokedAt()}; it answers unknown for any other certificate.
     *
     * @param directory  where its files go (index.txt, the PEMs, its output)
     * @param nextUpdate minutes until nextUpdate, or 0 for responses without one
     */
    public static OpensslResponder start(Path directory, Authority ca, Authority signer, List<Persona> known,
                                         int nextUpdate) throws IOException, InterruptedException {
        List<String> index = new ArrayList<>();
        for (Persona persona : known) {
            index.add(persona.revokedAt() == null ? line("V", persona.certificate(), "")
                    : line("R", persona.certificate(), INDEX_TIME.format(persona.revokedAt()) + ",keyCompromise"));
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("ca.pem"), Pem.certificate(ca.certificate()));
        Files.writeString(directory.resolve("signer.pem"), Pem.certificate(signer.certificate()));
        Files.writeString(directory.resolve("signer.key"), Pem.privateKey(signer.signer().privateKey()));
        Files.writeString(directory.resolve("index.txt"), String.join("\n", index) + (index.isEmpty() ? "" : "\n"));
        Files.writeString(directory.resolve("index.txt.attr"), "unique_subject = no\n");
        List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-port", "0", "-ignore_err",
                "-index", "index.txt", "-CA", "ca.pem", "-rsigner", "signer.pem", "-rkey", "signer.key"));
        if (nextUpdate > 0) {
            command.addAll(List.of("-nmin", Integer.toString(nextUpdate)));
        }
        Path out = directory.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(directory.resolve("stderr.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang guard, met in well under a second
        while (System.nanoTime() < deadline) {
            Matcher m = ACCEPT.matcher(Files.exists(out) ? Files.readString(out) : "");
            if (m.find()) {
                String errors = Files.readString(directory.resolve("stderr.txt"));
                if (errors.contains("Could not") || errors.contains("Error")) {
                    process.destroyForcibly();
                    throw new IOException("openssl ocsp cannot serve: " + errors);
                }
                return new OpensslResponder(process, Integer.parseInt(m.group(1)), directory);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IOException("openssl ocsp did not start: " + Files.readString(directory.resolve("stderr.txt")));
    }

    /** An index.txt line: flag V (valid) or R (revoked, with the time and reason). */
    private static String line(String flag, X509Certificate certificate, String revocation) {
        String expiry = INDEX_TIME.format(certificate.getNotAfter().toInstant());
        BigInteger serial = certificate.getSerialNumber();
        return String.join("\t", flag, expiry, revocation, hex(serial), "unknown", "/CN=" + serial);
    }

    /** The serial as OpenSSL writes it: upper case, an even number of digits. */
    public static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** Stops the responder process (this one, by its handle). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
