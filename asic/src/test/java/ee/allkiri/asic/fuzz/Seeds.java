package ee.allkiri.asic.fuzz;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.testkit.forge.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Seed material: every forged variant and every shared fixture container, and the manifests inside them. */
public final class Seeds {

    private Seeds() {
    }

    /** Every forged variant, by file name. */
    public static Map<String, byte[]> forged() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Variant v : Variant.values()) {
            out.put(v.fileName(), Hostile.FORGE.forge(v));
        }
        return out;
    }

    /** Every fixture container of fixtures/MANIFEST.csv whose name matches, by file name. */
    public static Map<String, byte[]> fixtures(java.util.function.Predicate<String> which) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Fixtures.Row row : Fixtures.manifest()) {
            if (which.test(row.name())) {
                out.put(row.name(), Fixtures.bytes(row.name()));
            }
        }
        return out;
    }

    /** META-INF/manifest.xml of each container that has one (read with java.util.zip). */
    public static Map<String, byte[]> manifests(Map<String, byte[]> containers) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        containers.forEach((name, bytes) -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.getName().equals("META-INF/manifest.xml")) {
                        out.putIfAbsent(name + ".manifest.xml", in.readNBytes(1 << 20));
                        break;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // not every seed container is a readable ZIP: it simply gives no manifest
            }
        });
        return out;
    }
}
