package ee.allkiri.testkit.interop;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Pem;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.LoopbackServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real undersign npm package (through {@code sign.js} in its directory, where
 * {@code npm ci} installed it) to sign a document with personas of a {@link TestPki}: their
 * private keys and certificates are handed over as PEM files, and undersign gets its
 * time-stamps and OCSP responses from the PKI's {@link LoopbackServices}. The result is one
 * ASiC-E in rahvaalgatus' layout.
 *
 * @param directory the directory holding {@code sign.js}, {@code package.json} and {@code node_modules}
 * @since 0.1.0
 */
public record Undersign(Path directory) {

    /** What undersign signs and what goes into the container. */
    public record Document(String path, String mediaType, byte[] signed, byte[] inContainer) {
        public static Document of(String path, String mediaType, byte[] content) {
            return new Document(path, mediaType, content, content);
        }
    }

    /**
     * Why undersign cannot run here, or empty when it can: node and npm must be on the PATH.
     * A missing {@code node_modules} is not a reason to skip: it means {@code npm ci} was not
     * run, and {@link #sign} says so.
     */
    public static Optional<String> unavailable() {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                return Optional.of(tool + " is not on the PATH; the undersign interop tests need Node.js and npm");
            }
        }
        return Optional.empty();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Signs the document once per signer (in order) and writes the container.
     *
     * @param work        a scratch directory for the PEM files and the job description
     * @param concurrency signatures undersign makes at once
     * @return the container file (in {@code work})
     * @throws IOException when undersign is not installed or fails
     */
    public Path sign(TestPki pki, LoopbackServices services, Document document, List<Persona> signers, Path work,
                     int concurrency) throws IOException, InterruptedException {
        if (!Files.isDirectory(directory.resolve("node_modules/undersign"))) {
            throw new IOException("undersign is not installed: run 'npm ci' in " + directory.toAbsolutePath());
        }
        Files.createDirectories(work);
        Path signed = Files.write(work.resolve("document.signed"), document.signed());
        Path inContainer = Files.write(work.resolve("document.container"), document.inContainer());
        List<String> issuers = new ArrayList<>();
        for (Authority ca : List.of(pki.esteid2018(), pki.esteidSk2015(), pki.eidQ(), pki.testCa())) {
            issuers.add(json(Pem.certificate(ca.certificate())));
        }
        List<String> signerEntries = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            Persona p = signers.get(i);
            Path cert = Files.writeString(work.resolve("signer-" + i + ".crt"), Pem.certificate(p.certificate()));
            Path key = Files.writeString(work.resolve("signer-" + i + ".key"), Pem.privateKey(p.signer().privateKey()));
            signerEntries.add("{\"certificate\":" + json(cert.toAbsolutePath().toString()) + ",\"key\":"
                    + json(key.toAbsolutePath().toString()) + "}");
        }
        Path out = work.resolve("undersign.asice");
        String job = "{\"tsaUrl\":" + json(services.tsaUrl().toString())
                + ",\"ocspUrl\":" + json(services.ocspUrl().toString())
                + ",\"issuers\":[" + String.join(",", issuers) + "]"
                + ",\"document\":{\"path\":" + json(document.path()) + ",\"type\":" + json(document.mediaType())
                + ",\"file\":" + json(signed.toAbsolutePath().toString()) + "}"
                + ",\"containerFile\":" + json(inContainer.toAbsolutePath().toString())
                + ",\"signers\":[" + String.join(",", signerEntries) + "]"
                + ",\"concurrency\":" + concurrency
                + ",\"out\":" + json(out.toAbsolutePath().toString()) + "}";
        Path jobFile = Files.writeString(work.resolve("job.json"), job);
        run(jobFile, work.resolve("node.log"), Duration.ofMinutes(10));
        return out;
    }

    private void run(Path jobFile, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("node", "sign.js", jobFile.toAbsolutePath().toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("undersign did not finish in " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IOException("undersign failed (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
