package ee.allkiri.cli;

import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes verification and audit reports in the command line's formats, for programs that
 * verify or audit with the library and want the same text, JSON, CSV, JUnit XML or HTML
 * that {@code allkiri verify --format} and {@code allkiri audit --format} print.
 *
 * <pre>{@code
 * ReportWriter.of(ReportWriter.Format.HTML).maskingPersonalCodes().write(audit, Path.of("audit.html"));
 * }</pre>
 *
 * <p>Defaults: personal codes printed in full, the system UTC clock (only the JUnit XML
 * {@code timestamp} uses it). Immutable and thread-safe; the {@code with...} methods return
 * a new writer.
 */
public final class ReportWriter {

    /** The formats of {@code --format}. */
    public enum Format {
        /** The terminal summary. */
        TEXT,
        /** DESIGN.md's JSON document ({@code schemaVersion} 1). */
        JSON,
        /** One RFC 4180 row per signature. */
        CSV,
        /** JUnit XML: one test suite per container, one test case per signature. */
        JUNIT,
        /** One self-contained HTML page with the figures, a chart per day and a sortable table. */
        HTML
    }

    private final Format format;
    private final boolean mask;
    private final Clock clock;

    private ReportWriter(Format format, boolean mask, Clock clock) {
        this.format = Objects.requireNonNull(format, "format");
        this.mask = mask;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A writer of the format, personal codes in full, on the system UTC clock. */
    public static ReportWriter of(Format format) {
        return new ReportWriter(format, false, Clock.systemUTC());
    }

    /** The same writer, printing personal codes as {@code 380010*****} (as {@code --mask-personal-codes}). */
    public ReportWriter maskingPersonalCodes() {
        return new ReportWriter(format, true, clock);
    }

    /** The same writer, with the clock that dates the report. */
    public ReportWriter withClock(Clock value) {
        return new ReportWriter(format, mask, value);
    }

    /** Writes a verification report to the stream; the stream is flushed, not closed. */
    public void write(VerificationReport report, OutputStream out) throws IOException {
        write(Output.of(report), out);
    }

    /** Writes an audit report to the stream; the stream is flushed, not closed. */
    public void write(AuditReport report, OutputStream out) throws IOException {
        write(Output.of(report), out);
    }

    /** Writes a verification report to a file, replacing it. */
    public void write(VerificationReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes an audit report to a file, replacing it. */
    public void write(AuditReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    private void write(Output output, OutputStream out) throws IOException {
        Output shown = mask ? Masking.apply(output) : output;
        OutputFormat.valueOf(format.name().toLowerCase(Locale.ROOT)).write(shown, clock.instant(), out);
        out.flush();
    }
}
