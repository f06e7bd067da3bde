package ee.allkiri.asic.hostile;

/**
 * Run in a fresh JVM by {@link NoJvmGlobalChangeTest}: takes a snapshot of the JVM-wide
 * settings before any allkiri or DSS class is loaded, builds verifiers (with and without the
 * fast path) and verifies valid and hostile containers, then prints every difference, one per
 * line, between {@code BEGIN} and {@code END}.
 */
public final class JvmStateProbe {

    private JvmStateProbe() {
    }

    public static void main(String[] args) {
        JvmState before = JvmState.take();
        Exercise.run();
        System.out.println("BEGIN");
        JvmState.take().diff(before).forEach(System.out::println);
        System.out.println("END");
    }

    /** Everything a user of the library does, kept apart so that no allkiri class loads before the first snapshot. */
    private static final class Exercise {
        static void run() {
            for (ee.allkiri.testkit.forge.Variant v : ee.allkiri.testkit.forge.Variant.values()) {
                byte[] container = Hostile.FORGE.forge(v);
                Hostile.fast().verify(container, v.fileName());
                Hostile.full().verify(container, v.fileName());
            }
        }
    }
}
