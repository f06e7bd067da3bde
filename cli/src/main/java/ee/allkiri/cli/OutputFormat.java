package ee.allkiri.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException {
            withWriter(out, w -> {
                if (rendering.summary()) {
                    TextSummary.write(output, w);
                } else {
                    TextReport.write(output, w);
                }
            });
        }
    },
    json {
        @Override
        void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException {
            ObjectNode root = output.isAudit() ? (ObjectNode) AuditJson.tree(output.audit())
                    : ReportJson.tree(output.verification());
            if (output.provenance() != null) {
                root.set("provenance", ReportJson.tree(output.provenance()));
            }
            ReportJson.writer().writeValue(new NonClosingOutput(out), root);
            out.write('\n');
        }
    },
    csv {
        @Override
        void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            withWriter(out, w -> CsvReport.write(output, rendering.csvSeparator(), w));
        }
    },
    junit {
        @Override
        void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException {
            try {
                JunitReport.write(output, when, out);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
            }
        }
    },
    html {
        @Override
        void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException {
            withWriter(out, w -> HtmlReport.write(output, w));
        }
    };

    abstract void write(Output output, Rendering rendering, Instant when, OutputStream out) throws IOException;

    /**
     * Writes through a UTF-8 writer and flushes it. A write error, which a PrintWriter would
     * only flag, is thrown with its reason.
     */
    private static void withWriter(OutputStream out, java.util.function.Consumer<PrintWriter> body) throws IOException {
        Remembering stream = new Remembering(out);
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        body.accept(writer);
        writer.flush();
        if (writer.checkError()) {
            throw stream.failure != null ? stream.failure : new IOException("the report could not be written");
        }
    }

    /** Remembers the first write error, for {@link #withWriter}. */
    private static final class Remembering extends java.io.FilterOutputStream {
        private IOException failure;

        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
