package ee.allkiri.asic.internal.container.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link ByteSource} over a file. Reads are positional ({@link FileChannel#read(ByteBuffer, long)}),
 * so concurrent readers never disturb each other.
 *
 * <p>A {@code FileChannel} closes itself when a thread reading from it is interrupted, which would
 * break every other thread sharing it. When that happens to a thread that was not itself
 * interrupted, the file is opened again and the read retried; the interrupted thread gets its
 * {@link ClosedByInterruptException}.
 */
final class FileSource implements ByteSource {

    private final Path path;
    private final long size;
    private final Object reopenLock = new Object();
    private volatile FileChannel channel;
    private volatile boolean closed;

    private FileSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static FileSource open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new FileSource(path, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= size) {
            return -1;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, size - position));
        while (target.hasRemaining()) {
            int n = readAt(target, position + (target.position() - offset));
            if (n < 0) {
                break;
            }
        }
        int read = target.position() - offset;
        return read == 0 && length > 0 ? -1 : read;
    }

    private int readAt(ByteBuffer target, long position) throws IOException {
        FileChannel current = channel;
        try {
            return current.read(target, position);
        } catch (ClosedChannelException e) {
            if (closed || e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return reopen(current).read(target, position);
        }
    }

    private FileChannel reopen(FileChannel broken) throws IOException {
        synchronized (reopenLock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            if (channel == broken) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            }
            return channel;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (reopenLock) {
            closed = true;
            channel.close();
        }
    }
}
