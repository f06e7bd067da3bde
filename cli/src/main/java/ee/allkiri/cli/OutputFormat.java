package ee.allkiri.cli;

import ee.allkiri.core.ReportJson;
import ee.allkiri.core.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The report formats of {@code verify}. */
enum OutputFormat {
    text {
        @Override
        void write(VerificationReport report, OutputStream out) {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            TextReport.write(report, writer);
            writer.flush();
        }
    },
    json {
        @Override
        void write(VerificationReport report, OutputStream out) throws IOException {
            ReportJson.writer().writeValue(new NonClosing(out), report);
            out.write('\n');
        }
    };

    abstract void write(VerificationReport report, OutputStream out) throws IOException;

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
