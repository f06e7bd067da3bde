package ee.allkiri.asic.fuzz;

import ee.allkiri.asic.Verifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A valid container the signed-content fuzz test mutates: its entries (first of each name, in
 * order), the verifiers that pass it, the data file and signature file it mutates, and whether
 * its signer's certificate has a single copy (only then is that copy signed content).
 */
record Base(String name, Map<String, byte[]> entries, Verifier fast, Verifier full, String dataFile, String signatureFile,
            boolean singleCertificateCopy) {

    Base {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Reads a container's entries; its first data file and first signature file are the ones mutated. */
    static Base of(String name, byte[] container, Verifier fast, Verifier full) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.putIfAbsent(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = List.copyOf(entries.keySet());
        String dataFile = names.stream().filter(n -> !n.equals("mimetype") && !n.startsWith("META-INF/") && !n.endsWith("/"))
                .findFirst().orElseThrow();
        String signature = names.stream().filter(n -> n.startsWith("META-INF/") && n.contains("signatures") && n.endsWith(".xml"))
                .findFirst().orElseThrow();
        boolean single = SignedParts.copiesOfSignerCertificate(entries.get(signature)) == 1;
        return new Base(name, entries, fast, full, dataFile, signature, single);
    }

    /** The container with one entry replaced, 'mimetype' first and STORED, everything else deflated. */
    byte[] with(String entry, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = e.getKey().equals(entry) ? content : e.getValue();
                ZipEntry z = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Verifier verifier(boolean fullValidation) {
        return fullValidation ? full : fast;
    }

    @Override
    public String toString() {
        return name;
    }
}
