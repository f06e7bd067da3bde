package ee.allkiri.bench.digidoc4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.digidoc4j.Configuration;
import org.digidoc4j.Container;
import org.digidoc4j.ContainerBuilder;
import org.digidoc4j.ContainerValidationResult;
import org.digidoc4j.Signature;
import org.digidoc4j.ValidationResult;
import org.digidoc4j.impl.asic.tsl.TSLCertificateSourceImpl;

/**
 * Validates every container it is given with digidoc4j, in one JVM, offline, with the trust of a
 * folder of certificates (the allkiri CLI's {@code --trust DIR}): each certificate is added to an
 * empty TSL by hand, so no list of lists is downloaded, and no AIA source is set, so no
 * certificate is fetched. digidoc4j's TEST mode, whose validation policy and TM OCSP responder
 * list cover both the test and the production fixtures.
 *
 * <pre>
 * java -cp target/classes:$(cat target/classpath.txt) ee.allkiri.bench.digidoc4j.Driver --trust DIR PATH...
 * </pre>
 *
 * Prints one line per container, {@code VALID|INVALID|ERROR <tab> path <tab> signatures <tab>
 * valid signatures <tab> first error}, then one line per signature, {@code <tab> id <tab> indication
 * <tab> sub-indication <tab> valid|not valid <tab> first error}. Exit 0 when every container is valid, 1 when one is not, 2 on a usage error.
 */
public final class Driver {

    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        Path trust = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trust")) {
                trust = Path.of(args[++i]);
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (trust == null || paths.isEmpty()) {
            System.err.println("usage: Driver --trust DIR PATH...");
            System.exit(2);
        }
        Configuration configuration = configuration(trust);
        boolean allValid = true;
        StringBuilder out = new StringBuilder();
        for (Path file : containers(paths)) {
            allValid &= validate(configuration, file, out);
        }
        System.out.print(out);
        System.out.flush();
        System.exit(allValid ? 0 : 1);
    }

    static Configuration configuration(Path trust) throws IOException, CertificateException {
        Configuration configuration = Configuration.of(Configuration.Mode.TEST);
        TSLCertificateSourceImpl tsl = new TSLCertificateSourceImpl();
        for (X509Certificate certificate : certificates(trust)) {
            tsl.addTSLCertificate(certificate);
        }
        configuration.setTSL(tsl);
        configuration.setAiaSourceFactory(() -> null);
        return configuration;
    }

    private static boolean validate(Configuration configuration, Path file, StringBuilder out) {
        try {
            Container container = ContainerBuilder.aContainer().fromExistingFile(file.toString())
                    .withConfiguration(configuration).build();
            ContainerValidationResult result = container.validate();
            List<Signature> signatures = container.getSignatures();
            StringBuilder lines = new StringBuilder();
            int valid = 0;
            for (Signature signature : signatures) {
                String id = signature.getUniqueId();
                ValidationResult own = result.getValidationResult(id);
                boolean passed = own != null && own.isValid();
                valid += passed ? 1 : 0;
                lines.append('\t').append(signature.getId()).append('\t').append(result.getIndication(id)).append('\t')
                        .append(result.getSubIndication(id)).append('\t').append(passed ? "valid" : "not valid")
                        .append('\t').append(own == null || own.getErrors().isEmpty() ? "" : oneLine(own.getErrors().get(0)))
                        .append('\n');
            }
            boolean containerValid = result.isValid() && !signatures.isEmpty();
            out.append(containerValid ? "VALID" : "INVALID").append('\t').append(file).append('\t')
                    .append(signatures.size()).append('\t').append(valid).append('\t')
                    .append(result.getErrors().isEmpty() ? "" : oneLine(result.getErrors().get(0))).append('\n').append(lines);
            return containerValid;
        } catch (RuntimeException e) {
            out.append("ERROR\t").append(file).append("\t0\t0\t").append(oneLine(e)).append('\n');
            return false;
        }
    }

    private static String oneLine(Throwable e) {
        return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' ');
    }

    /** Files as the allkiri CLI expands them: directories searched for .asice, .bdoc and .sce, sorted. */
    static List<Path> containers(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> hasExtension(p, ".asice", ".bdoc", ".sce")).sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    static List<X509Certificate> certificates(Path folder) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> hasExtension(p, ".pem", ".crt", ".cer", ".der")).sorted()
                    .toList();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                factory.generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
            }
        }
        return certificates;
    }

    private static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
