package ee.allkiri.cli;

import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.Provenance;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import java.io.IOException;
import java.io.OutputStream;
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
 * ReportWriter.of(ReportWriter.Format.HTML).withProvenance(provenance).write(audit, Path.of("audit.html"));
 * }</pre>
 *
 * <p>Defaults: personal codes in full, except in HTML (a page that gets published), where they are
 * masked with {@link PersonalCodeMask#PUBLISHED}; no provenance (give one with
 * {@link #withProvenance(Provenance)}: every report then says how it was made); the system UTC
 * clock (only the JUnit XML {@code timestamp} uses it, and only without a provenance). A file is
 * written as {@code --output} writes it: a regular file replaced atomically. Immutable and
 * thread-safe; the {@code with...} methods return a new writer.
 *
 * @since 0.1.0
 */
public final class ReportWriter {

    /** The formats of {@code --format}. */
    public enum Format {
        /** The terminal summary. */
        TEXT,
        /** DESIGN.md's JSON document ({@code schemaVersion} 1). */
        JSON,
        /** One RFC 4180 row per signature, with a UTF-8 byte order mark and the provenance in {@code #} lines. */
        CSV,
        /** JUnit XML: one test suite per container, one test case per signature. */
        JUNIT,
        /** One self-contained HTML page with the figures, a chart per day and a table, readable without scripts. */
        HTML
    }

    private final Format format;
    private final PersonalCodeMask mask;
    private final Clock clock;
    private final Provenance provenance;
    private final Rendering rendering;

    private ReportWriter(Format format, PersonalCodeMask mask, Clock clock, Provenance provenance, Rendering rendering) {
        this.format = Objects.requireNonNull(format, "format");
        this.mask = mask;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.provenance = provenance;
        this.rendering = rendering;
    }

    /** A writer of the format, personal codes in full (masked in HTML), on the system UTC clock. */
    public static ReportWriter of(Format format) {
        return new ReportWriter(format, null, Clock.systemUTC(), null, Rendering.DEFAULT);
    }

    /** The same writer, printing personal codes with {@link PersonalCodeMask#PUBLISHED} (as {@code --mask-personal-codes}). */
    public ReportWriter maskingPersonalCodes() {
        return withMask(PersonalCodeMask.PUBLISHED);
    }

    /** The same writer with this personal-code mask ({@link PersonalCodeMask#NONE}: in full, also in HTML). */
    public ReportWriter withMask(PersonalCodeMask value) {
        return new ReportWriter(format, Objects.requireNonNull(value, "mask"), clock, provenance, rendering);
    }

    /** The same writer, with the clock that dates the report when there is no provenance. */
    public ReportWriter withClock(Clock value) {
        return new ReportWriter(format, mask, value, provenance, rendering);
    }

    /** The same writer, recording how the report was made in every format. */
    public ReportWriter withProvenance(Provenance value) {
        return new ReportWriter(format, mask, clock, Objects.requireNonNull(value, "provenance"), rendering);
    }

    /** The same writer; for CSV, fields separated by {@code ;} (spreadsheets in Estonian and other decimal-comma locales). */
    public ReportWriter withSemicolons() {
        return new ReportWriter(format, mask, clock, provenance, new Rendering(rendering.summary(), ';'));
    }

    /** The same writer; for text, the counts only instead of a block per container. */
    public ReportWriter summary() {
        return new ReportWriter(format, mask, clock, provenance, new Rendering(true, rendering.csvSeparator()));
    }

    /** The mask this writer prints personal codes with. */
    public PersonalCodeMask mask() {
        return mask != null ? mask : format == Format.HTML ? PersonalCodeMask.PUBLISHED : PersonalCodeMask.NONE;
    }

    /** The provenance with the mask in force among its options (the reader should know the codes are masked). */
    private Provenance provenanceWithMask() {
        if (provenance == null) {
            return null;
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(provenance.options());
        options.put("personalCodeMask", mask().optionValue());
        return new Provenance(provenance.allkiriVersion(), provenance.validationTime(), options, provenance.trust(),
                provenance.inputs(), provenance.skipped());
    }

    /** Writes a verification report to the stream; the stream is flushed, not closed. */
    public void write(VerificationReport report, OutputStream out) throws IOException {
        write(Output.of(report), out);
    }

    /** Writes an audit report to the stream; the stream is flushed, not closed. */
    public void write(AuditReport report, OutputStream out) throws IOException {
        write(Output.of(report), out);
    }

    /** Writes a verification report to a file, replacing it atomically. */
    public void write(VerificationReport report, Path file) throws IOException {
        write(Output.of(report), file);
    }

    /** Writes an audit report to a file, replacing it atomically. */
    public void write(AuditReport report, Path file) throws IOException {
        write(Output.of(report), file);
    }

    private void write(Output output, Path file) throws IOException {
        try (ReportTarget target = ReportTarget.prepare(file, null)) {
            target.write(out -> write(output, out));
        }
    }

    private void write(Output output, OutputStream out) throws IOException {
        Output shown = Masking.apply(output.with(provenanceWithMask(), Timings.NONE), mask());
        java.time.Instant when = provenance != null ? provenance.validationTime() : clock.instant();
        OutputFormat.valueOf(format.name().toLowerCase(Locale.ROOT)).write(shown, rendering, when, out);
        out.flush();
    }
}
