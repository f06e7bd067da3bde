package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies the scanned inputs on a pool of threads: each file is read once for its SHA-256 and
 * size, then verified and timed. A file that cannot be read becomes a report with
 * {@code FILE_UNREADABLE} (and the run goes on); a DDOC or ASiC-S file a report with
 * {@code CONTAINER_UNSUPPORTED}. Standard input and pipes are copied to a temporary file first
 * (at most the verifier's total-size limit), so that they are read once like files.
 */
final class Verification {

    /**
     * The outcome, in input order.
     *
     * @param reports one per input
     * @param inputs  each input's name, SHA-256 and size
     * @param timings how long each took
     */
    record Result(List<ContainerReport> reports, List<Provenance.Input> inputs, Timings timings) {
    }

    private final Verifier verifier;
    private final java.io.InputStream stdin;
    private final long streamCap;
    private final Progress progress;

    Verification(Verifier verifier, InputStream stdin, long streamCap, Progress progress) {
        this.verifier = verifier;
        this.stdin = stdin;
        this.streamCap = streamCap;
        this.progress = progress;
    }

    Result run(List<InputScan.Entry> entries, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, entries.size())), daemon());
        try {
            List<Future<One>> futures = new ArrayList<>();
            for (InputScan.Entry entry : entries) {
                futures.add(pool.submit(() -> one(entry)));
            }
            List<ContainerReport> reports = new ArrayList<>();
            List<Provenance.Input> inputs = new ArrayList<>();
            Map<String, Timings.ContainerTime> times = new LinkedHashMap<>();
            for (Future<One> f : futures) {
                One one;
                try {
                    one = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                reports.add(one.report());
                inputs.add(one.input());
                if (one.time() != null) {
                    times.put(one.report().path(), one.time());
                }
            }
            return new Result(reports, inputs, new Timings(times));
        } finally {
            pool.shutdownNow();
        }
    }

    private record One(ContainerReport report, Provenance.Input input, Timings.ContainerTime time) {
    }

    private One one(InputScan.Entry entry) {
        try {
            if (entry instanceof InputScan.Unreadable u) {
                return unreadable(u.path(), u.name(), u.kind(), u.reason());
            }
            if (entry instanceof InputScan.Unsupported u) {
                return unsupported(u);
            }
            if (entry instanceof InputScan.Verify v) {
                return verify(v.file(), v.path(), v.name());
            }
            return stream((InputScan.Stream) entry);
        } finally {
            progress.containerDone();
        }
    }

    private One verify(Path file, String path, String name) {
        Digest digest;
        try {
            digest = Digest.of(file);
        } catch (IOException e) {
            return unreadable(path, name, Problems.kind(e), Problems.reason(e));
        }
        ContainerClock clock = new ContainerClock(progress);
        ContainerReport report;
        try {
            report = verifier.verify(file, clock);
        } catch (IOException e) {
            return unreadable(path, name, Problems.kind(e), Problems.reason(e));
        }
        if (!report.path().equals(path)) {
            report = new ContainerReport(path, report.findings(), report.dataFiles(), report.signatures());
        }
        return new One(report, new Provenance.Input(path, name, digest.sha256(), digest.size(), null), clock.stop());
    }

    private One stream(InputScan.Stream s) {
        Path copy = null;
        try {
            copy = Files.createTempFile("allkiri-input", ".tmp");
            try (InputStream in = s.file() == null ? new NonClosing(stdin) : Files.newInputStream(s.file());
                 OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(new Capped(out, streamCap));
            }
            return verify(copy, s.path(), s.name());
        } catch (IOException e) {
            return unreadable(s.path(), s.name(), Problems.kind(e), Problems.reason(e));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file in the system's temporary folder; nothing else to do
                }
            }
        }
    }

    private One unsupported(InputScan.Unsupported u) {
        Digest digest;
        try {
            digest = Digest.of(u.file());
        } catch (IOException e) {
            return unreadable(u.path(), u.name(), Problems.kind(e), Problems.reason(e));
        }
        String format = u.kind() == ContentKind.DDOC ? "a DigiDoc DDOC file" : "an ASiC-S container";
        Finding finding = Finding.of(FindingCode.CONTAINER_UNSUPPORTED, null,
                "the file is " + format + " (by its content); allkiri verifies ASiC-E / BDOC only");
        return new One(new ContainerReport(u.path(), List.of(finding), List.of(), List.of()),
                new Provenance.Input(u.path(), u.name(), digest.sha256(), digest.size(), null), null);
    }

    private static One unreadable(String path, String name, Provenance.Unreadable kind, String reason) {
        Finding finding = Finding.of(FindingCode.FILE_UNREADABLE, null, "cannot read " + path + ": " + reason);
        return new One(new ContainerReport(path, List.of(finding), List.of(), List.of()),
                new Provenance.Input(path, name, null, null, kind), null);
    }

    /** SHA-256 and size of a file, read once. */
    record Digest(String sha256, long size) {
        static Digest of(Path file) throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            return new Digest(HexFormat.of().formatHex(md.digest()), size);
        }
    }

    /** Refuses to write past the cap. */
    private static final class Capped extends java.io.FilterOutputStream {
        private final long cap;
        private long written;

        Capped(OutputStream out, long cap) {
            super(out);
            this.cap = cap;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > cap) {
                throw new IOException("larger than the limit of " + cap + " bytes");
            }
            written += len;
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /** Standard input is not closed after it has been read. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the process's standard input stays open
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "allkiri-container-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
