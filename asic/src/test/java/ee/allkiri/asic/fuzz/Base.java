package ee.allkiri.asic.fuzz;

import ee.allkiri.asic.Verifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A valid container that mutants are made of: its entries (first of each name, in order, each
 * with its compression method), the verifiers that pass it (with the fast path, and DSS only),
 * its data files, its XAdES signature files and its CAdES ASiCManifests, and for each XAdES
 * signature file whether its signer's certificate has a single copy in it (only then is that
 * copy signed content).
 */
record Base(String name, Map<String, byte[]> entries, Set<String> stored, Verifier fast, Verifier full,
            List<String> dataFiles, List<String> signatureFiles, List<String> asicManifests,
            List<Boolean> singleCertificateCopies) {

    Base {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        stored = Set.copyOf(stored);
        dataFiles = List.copyOf(dataFiles);
        signatureFiles = List.copyOf(signatureFiles);
        asicManifests = List.copyOf(asicManifests);
        singleCertificateCopies = List.copyOf(singleCertificateCopies);
    }

    /** Reads a container's entries, data files and signature files. */
    static Base of(String name, byte[] container, Verifier fast, Verifier full) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Set<String> stored = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (entries.putIfAbsent(e.getName(), in.readAllBytes()) == null && e.getMethod() == ZipEntry.STORED) {
                    stored.add(e.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = List.copyOf(entries.keySet());
        List<String> dataFiles = names.stream()
                .filter(n -> !n.equals("mimetype") && !n.startsWith("META-INF/") && !n.endsWith("/")).toList();
        List<String> signatures = names.stream()
                .filter(n -> n.startsWith("META-INF/") && n.contains("signatures") && n.endsWith(".xml")).toList();
        List<String> asicManifests = names.stream()
                .filter(n -> n.startsWith("META-INF/ASiCManifest") && n.endsWith(".xml")).toList();
        if (dataFiles.isEmpty() || signatures.isEmpty() && asicManifests.isEmpty()) {
            throw new IllegalArgumentException(name + " has no data file or no signature");
        }
        List<Boolean> single = signatures.stream()
                .map(s -> SignedParts.copiesOfSignerCertificate(entries.get(s)) == 1).toList();
        return new Base(name, entries, stored, fast, full, dataFiles, signatures, asicManifests, single);
    }

    /** The same container, with only these data files and signature files to mutate. */
    Base restrictedTo(List<String> data, List<String> signatures) {
        List<Boolean> single = signatures.stream().map(s -> singleCertificateCopies.get(signatureFiles.indexOf(s))).toList();
        return new Base(name, entries, stored, fast, full, data, signatures, asicManifests, single);
    }

    /** The first data file. */
    String dataFile() {
        return dataFiles.get(0);
    }

    /** The first signature file. */
    String signatureFile() {
        return signatureFiles.get(0);
    }

    /** The container with one entry replaced. */
    byte[] with(String entry, byte[] content) {
        return with(Map.of(entry, content));
    }

    /**
     * The container with entries replaced: in the same order, 'mimetype' and every entry that
     * was STORED stored, everything else deflated (at the fastest level).
     */
    byte[] with(Map<String, byte[]> replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = replaced.getOrDefault(e.getKey(), e.getValue());
                ZipEntry z = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype") || stored.contains(e.getKey())) {
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
