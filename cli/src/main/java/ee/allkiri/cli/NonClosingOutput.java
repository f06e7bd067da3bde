package ee.allkiri.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Flushes instead of closing, so that Jackson and writers leave standard output or a channel open for the caller. */
final class NonClosingOutput extends FilterOutputStream {

    NonClosingOutput(OutputStream out) {
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
