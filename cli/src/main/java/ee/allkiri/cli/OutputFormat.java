package ee.allkiri.cli;

import ee.allkiri.core.ReportJson;
import ee.allkiri.core.audit.AuditJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;

/** The report formats of {@code verify} and {@code audit}. */
enum OutputFormat {
    text {
        @Override
        void write(Output output, Instant when, OutputStream out) {
            withWriter(out, w -> TextReport.write(output, w));
        }
    },
    json {
        @Override
        void write(Output output, Instant when, OutputStream out) throws IOException {
            OutputStream keepOpen = new NonClosing(out);
            if (output.isAudit()) {
                AuditJson.write(output.audit(), keepOpen);
            } else {
                ReportJson.writer().writeValue(keepOpen, output.verification());
            }
            out.write('\n');
        }
    },
    csv {
        @Override
        void write(Output output, Instant when, OutputStream out) {
            withWriter(out, w -> CsvReport.write(output, w));
        }
    },
    junit {
        @Override
        void write(Output output, Instant when, OutputStream out) throws IOException {
            try {
                JunitReport.write(output, when, out);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
            }
        }
    },
    html {
        @Override
        void write(Output output, Instant when, OutputStream out) {
            withWriter(out, w -> HtmlReport.write(output, w));
        }
    };

    abstract void write(Output output, Instant when, OutputStream out) throws IOException;

    private static void withWriter(OutputStream out, java.util.function.Consumer<PrintWriter> body) {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        body.accept(writer);
        writer.flush();
    }

    /** Keeps Jackson from closing standard output. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
