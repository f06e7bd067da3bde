package ee.allkiri.cli;

import ee.allkiri.asic.ContainerContents;
import ee.allkiri.core.DataFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --document-in-bundle NAME} and {@code --document-from-bundle}: the initiative document taken from the containers
 * themselves, before anything is verified. Every container holding a data file of that name
 * must hold the same bytes; without a name, the containers together must hold exactly one
 * document.
 *
 * @param name   the data file's name
 * @param sha256 its SHA-256
 */
record BundleDocument(String name, String sha256) {

    /**
     * Finds the document.
     *
     * @param entries the scanned inputs (only files are read)
     * @param name    the data file's name, or empty for the one data file
     * @throws IllegalArgumentException when there is no such document, or not exactly one
     */
    static BundleDocument find(List<InputScan.Entry> entries, String name) throws IOException {
        Map<String, Set<String>> digests = new TreeMap<>();
        for (InputScan.Entry entry : entries) {
            if (entry instanceof InputScan.Stream) {
                throw new IllegalArgumentException("the document can be taken from container files only, not from "
                        + entry.path());
            }
            if (!(entry instanceof InputScan.Verify v)) {
                continue;
            }
            try (ContainerContents contents = ContainerContents.open(v.file())) {
                for (DataFile f : contents.dataFiles()) {
                    digests.computeIfAbsent(f.name(), k -> new TreeSet<>()).add(f.sha256());
                }
            } catch (IOException e) {
                // an unreadable container is reported as such by the verification
            }
        }
        if (name.isEmpty()) {
            if (digests.size() != 1 || digests.values().iterator().next().size() != 1) {
                throw new IllegalArgumentException("--document-from-bundle needs the containers to hold one document;"
                        + " they hold " + describe(digests) + ": name one with --document-in-bundle NAME");
            }
            var only = digests.entrySet().iterator().next();
            return new BundleDocument(only.getKey(), only.getValue().iterator().next());
        }
        Set<String> found = digests.get(name);
        if (found == null) {
            throw new IllegalArgumentException("--document-in-bundle " + name + ": no container holds a data file of that"
                    + " name; they hold " + describe(digests));
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("--document-in-bundle " + name + ": the containers hold " + found.size()
                    + " different files of that name");
        }
        return new BundleDocument(name, found.iterator().next());
    }

    private static String describe(Map<String, Set<String>> digests) {
        if (digests.isEmpty()) {
            return "no data file";
        }
        StringBuilder sb = new StringBuilder();
        digests.forEach((n, d) -> sb.append(sb.length() == 0 ? "" : ", ").append(n)
                .append(d.size() > 1 ? " (" + d.size() + " versions)" : ""));
        return sb.toString();
    }
}
