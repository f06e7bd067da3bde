package ee.allkiri.asic.hostile;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the heap a 1 GiB-declared ZIP bomb costs the verifier (a measurement, not a test;
 * see docs/hostile-input.md for the command). For each bomb it writes the container to a file,
 * verifies it once to warm up, collects garbage, then verifies it again from the file while a
 * thread samples the heap in use, and prints the most it rose above the baseline, the bytes
 * allocated by all threads meanwhile (an upper bound of any rise), the time and the codes. Run it with a small heap (e.g. {@code -Xmx128m}) to show that nothing
 * near the declared size is ever allocated.
 */
public final class BombHeap {

    private static final double MIB = 1 << 20;

    private BombHeap() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("allkiri-bomb");
        Verifier verifier = Hostile.full();
        verifier.verify(Parts.validLt().bytes(), "warm-up.asice");
        measure(verifier, dir, "honest: a 1 GiB entry declared as 1 GiB", Bombs.GIB);
        measure(verifier, dir, "lying: a 1 GiB entry declared as 1,000 bytes", 1000);
        measure(verifier, dir, "lying: the signed document replaced by 1 GiB declared as its size", -1);
    }

    private static void measure(Verifier verifier, Path dir, String name, long declared) throws IOException {
        RawZip zip = Parts.validLt().zip();
        if (declared < 0) {
            zip.entry(Hostile.FORGE.document().name()).content(new byte[0]).compressed(Bombs.gibibyteOfZeros())
                    .size(Hostile.FORGE.document().content().length).crc(0);
        } else {
            Bombs.addGibibyte(zip, "zeros.bin", declared);
        }
        Path file = zip.write(dir.resolve("bomb.asice"));
        verifier.verify(file);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long start = System.nanoTime();
        ContainerReport report = verifier.verify(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore - threads.getThreadAllocatedBytes(sampler.getId());
        System.out.printf("%s (file %,d bytes): heap %.1f MiB at most above a baseline of %.1f MiB (sampled), "
                        + "%.1f MiB allocated in all, %d ms, %s %s%n",
                name, Files.size(file), (peak.get() - baseline) / MIB, baseline / MIB, allocated / MIB, millis,
                report.indication(), report.allFindings().map(Finding::code).distinct().toList());
        Files.delete(file);
    }
}
