package ee.allkiri.asic.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Every mutant of a valid container's signed content, one change each:
 * <ul>
 *   <li>{@link Kind#DATA_FILE_BIT}: one bit of a data file flipped. A file of at most
 *       {@value #SMALL_FILE} bytes gets every bit flipped (in the full run); a larger one every
 *       bit of its first and last byte and {@value #SAMPLED_BITS} more bits drawn by
 *       {@code new Random(SEED ^ name.hashCode())} over all its bits. Before the CI sample is
 *       drawn, a file gets every bit of its first and last byte and {@value #CI_SAMPLED_BITS}
 *       drawn bits;</li>
 *   <li>{@link Kind#DUPLICATE_CONTENT}: a data file given another data file's content (the
 *       signature signs that content under the other name), an empty file filled, a non-empty
 *       file emptied;</li>
 *   <li>{@link Kind#SIGNED_INFO_VALUE}, {@link Kind#SIGNED_PROPERTIES_VALUE},
 *       {@link Kind#ASIC_MANIFEST_VALUE}: one bit flipped in one character of one text node or
 *       attribute value inside ds:SignedInfo, xades:SignedProperties or a CAdES ASiCManifest
 *       (algorithms, URIs, Ids, digest values, times, certificate digests and names, policy,
 *       media types), chosen so that the XML stays well-formed ({@link XmlValues#flip}). The full
 *       run changes every character of every value; before the CI sample is drawn, the first and
 *       the last;</li>
 *   <li>{@link Kind#ELEMENT_REMOVED}: one element inside (or the whole of) SignedInfo,
 *       SignedProperties or an ASiCManifest removed.</li>
 * </ul>
 * The full run mutates every XAdES signature file, the CI run the first. A mutant whose bound
 * bytes are unchanged ({@link SignedParts}: a change the canonical form drops, such as the URI
 * of an unused namespace declaration) is reported as equivalent, not tried.
 */
final class Mutants {

    /** What a mutant changes. */
    enum Kind { DATA_FILE_BIT, DUPLICATE_CONTENT, SIGNED_INFO_VALUE, SIGNED_PROPERTIES_VALUE, ASIC_MANIFEST_VALUE, ELEMENT_REMOVED }

    /**
     * How many mutants: the full run, or the CI-sized one: of the mutants made as described
     * above for CI, every {@link Kind#DUPLICATE_CONTENT} one and {@value #CI_PER_KIND} of each
     * other kind per container, drawn by {@code new Random(SEED ^ containerName.hashCode())}.
     */
    enum Scope { CI, FULL }

    /** Receives each mutant. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param replaced   the entries the mutant replaces (name to new content)
         * @param equivalent the mutant binds the same bytes as the base (nothing signed changed)
         */
        void accept(Kind kind, String description, Map<String, byte[]> replaced, boolean equivalent);
    }

    static final int SMALL_FILE = 64;
    static final int SAMPLED_BITS = 64;
    static final int CI_SAMPLED_BITS = 4;
    static final long SEED = 20261201L;
    static final int CI_PER_KIND = 4;
    /** What an empty data file is filled with. */
    static final byte[] FILLING = "agrees to pay 1000 EUR\n".getBytes(StandardCharsets.UTF_8);

    private Mutants() {
    }

    /** Makes every mutant of the base in the scope. */
    static void each(Base base, Scope scope, Sink sink) {
        if (scope == Scope.FULL) {
            all(base, scope, sink);
            return;
        }
        Map<Kind, Integer> counts = new java.util.EnumMap<>(Kind.class);
        all(base, scope, (kind, description, replaced, equivalent) -> counts.merge(kind, 1, Integer::sum));
        Random random = new Random(SEED ^ base.name().hashCode());
        Map<Kind, Set<Integer>> chosen = new java.util.EnumMap<>(Kind.class);
        counts.forEach((kind, n) -> {
            Set<Integer> picks = new java.util.HashSet<>();
            int want = kind == Kind.DUPLICATE_CONTENT ? n : Math.min(n, CI_PER_KIND);
            while (picks.size() < want) {
                picks.add(kind == Kind.DUPLICATE_CONTENT ? picks.size() : random.nextInt(n));
            }
            chosen.put(kind, picks);
        });
        Map<Kind, int[]> seen = new java.util.EnumMap<>(Kind.class);
        all(base, scope, (kind, description, replaced, equivalent) -> {
            int index = seen.computeIfAbsent(kind, k -> new int[1])[0]++;
            if (chosen.get(kind).contains(index)) {
                sink.accept(kind, description, replaced, equivalent);
            }
        });
    }

    private static void all(Base base, Scope scope, Sink sink) {
        for (String file : base.dataFiles()) {
            dataFileBits(base, file, scope, sink);
        }
        duplicates(base, sink);
        List<String> signatures = scope == Scope.FULL || base.signatureFiles().isEmpty() ? base.signatureFiles()
                : base.signatureFiles().subList(0, 1);
        for (String file : signatures) {
            xml(base, file, Region.SIGNED_INFO, Kind.SIGNED_INFO_VALUE, scope, sink);
            xml(base, file, Region.SIGNED_PROPERTIES, Kind.SIGNED_PROPERTIES_VALUE, scope, sink);
        }
        for (String file : base.asicManifests()) {
            asicManifest(base, file, scope, sink);
        }
    }

    private static void dataFileBits(Base base, String file, Scope scope, Sink sink) {
        byte[] content = base.entries().get(file);
        if (content.length == 0) {
            return;
        }
        long bits = content.length * 8L;
        Set<Long> flips = new LinkedHashSet<>();
        if (scope == Scope.FULL && content.length <= SMALL_FILE) {
            for (long b = 0; b < bits; b++) {
                flips.add(b);
            }
        } else {
            for (int b = 0; b < 8; b++) {
                flips.add((long) b);
                flips.add(bits - 8 + b);
            }
            Random random = new Random(SEED ^ file.hashCode());
            int sampled = scope == Scope.FULL ? SAMPLED_BITS : CI_SAMPLED_BITS;
            for (int i = 0; i < sampled; i++) {
                flips.add(Math.floorMod(random.nextLong(), bits));
            }
        }
        for (long b : flips) {
            byte[] mutated = content.clone();
            mutated[(int) (b / 8)] ^= (byte) (1 << (b % 8));
            sink.accept(Kind.DATA_FILE_BIT, file + " bit " + b, Map.of(file, mutated), false);
        }
    }

    private static void duplicates(Base base, Sink sink) {
        for (String a : base.dataFiles()) {
            byte[] content = base.entries().get(a);
            for (String b : base.dataFiles()) {
                if (!a.equals(b) && !Arrays.equals(content, base.entries().get(b))) {
                    sink.accept(Kind.DUPLICATE_CONTENT, a + " given the content of " + b, Map.of(a, base.entries().get(b)),
                            false);
                }
            }
            if (content.length == 0) {
                sink.accept(Kind.DUPLICATE_CONTENT, a + " (empty) filled", Map.of(a, FILLING), false);
            } else {
                sink.accept(Kind.DUPLICATE_CONTENT, a + " emptied", Map.of(a, new byte[0]), false);
            }
        }
    }

    private static void xml(Base base, String file, Region region, Kind kind, Scope scope, Sink sink) {
        byte[] original = base.entries().get(file);
        int[] range = SignedParts.range(original, region);
        XmlValues.Scan scan = XmlValues.scan(original, range[0], range[1]);
        byte[] bound = SignedParts.bound(original, region);
        byte[] boundInfo = SignedParts.bound(original, Region.SIGNED_INFO);
        for (XmlValues.Value value : scan.values()) {
            for (int at : positions(original, value, scope)) {
                int[] flipped = new int[2];
                byte[] mutated = XmlValues.flip(original, at, flipped);
                boolean equivalent = Arrays.equals(bound, SignedParts.bound(mutated, region))
                        && Arrays.equals(boundInfo, SignedParts.bound(mutated, Region.SIGNED_INFO));
                sink.accept(kind, file + " " + value + " byte " + (flipped[0] - value.start()) + " bit " + flipped[1],
                        Map.of(file, mutated), equivalent);
            }
        }
        for (XmlValues.Element element : scan.elements()) {
            byte[] mutated = remove(original, element);
            boolean equivalent = Arrays.equals(bound, SignedParts.bound(mutated, region))
                    && Arrays.equals(boundInfo, SignedParts.bound(mutated, Region.SIGNED_INFO));
            sink.accept(Kind.ELEMENT_REMOVED, file + " " + region + " " + element + " at " + element.start() + " removed",
                    Map.of(file, mutated), equivalent);
        }
    }

    /** A CAdES ASiCManifest: the signature's message digest is over its bytes, so every change changes what was signed. */
    private static void asicManifest(Base base, String file, Scope scope, Sink sink) {
        byte[] original = base.entries().get(file);
        String text = new String(original, StandardCharsets.ISO_8859_1);
        int start = text.indexOf('<', text.startsWith("<?") ? text.indexOf("?>") : 0);
        XmlValues.Scan scan = XmlValues.scan(original, start, text.lastIndexOf('>') + 1);
        for (XmlValues.Value value : scan.values()) {
            for (int at : positions(original, value, scope)) {
                int[] flipped = new int[2];
                byte[] mutated = XmlValues.flip(original, at, flipped);
                sink.accept(Kind.ASIC_MANIFEST_VALUE, file + " " + value + " byte " + (flipped[0] - value.start()) + " bit "
                        + flipped[1], Map.of(file, mutated), false);
            }
        }
        for (XmlValues.Element element : scan.elements()) {
            sink.accept(Kind.ELEMENT_REMOVED, file + " " + element + " at " + element.start() + " removed",
                    Map.of(file, remove(original, element)), false);
        }
    }

    private static List<Integer> positions(byte[] file, XmlValues.Value value, Scope scope) {
        List<Integer> all = XmlValues.characters(file, value);
        if (scope == Scope.FULL || all.size() <= 2) {
            return all;
        }
        return List.of(all.get(0), all.get(all.size() - 1));
    }

    private static byte[] remove(byte[] file, XmlValues.Element element) {
        byte[] out = new byte[file.length - (element.end() - element.start())];
        System.arraycopy(file, 0, out, 0, element.start());
        System.arraycopy(file, element.end(), out, element.start(), file.length - element.end());
        return out;
    }
}
