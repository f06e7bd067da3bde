package ee.allkiri.cli;

import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code allkiri trust show [SPEC]}: the lists and services of a trust source. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the lists (sequence numbers, dates) and services (type, status, since when) of a trust source.")
final class TrustShowCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "A --trust specification (default: ee-prod).")
    String spec;

    @Option(names = "--list-signer", paramLabel = "PEM", description = "Pinned signer for a trusted list XML file. Repeatable.")
    List<Path> listSigners = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "Judge freshness and current status at this instant (default: now).")
    String at;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> signers = new ArrayList<>();
        for (Path p : listSigners) {
            signers.addAll(TrustSpecs.readCertificates(p));
        }
        TrustMaterial material = TrustSpecs.parse(spec == null ? EmbeddedSnapshots.EE_PROD : spec, signers).load();
        Instant now = at == null ? Instant.now() : Times.instant("--at", at, false);
        print(material, now, System.out);
        return Main.OK;
    }

    static void print(TrustMaterial material, Instant now, PrintStream out) {
        out.println(material.description());
        out.println("lists: " + material.lists().size());
        for (TrustListInfo list : material.lists()) {
            out.printf("  %-6s %-13s seq %-4d issued %s  next update %s%s%n", list.name(),
                    list.kind() == TrustListInfo.Kind.LIST_OF_LISTS ? "list-of-lists" : "trusted-list", list.sequence(),
                    list.issued(), list.nextUpdate(), list.isStaleAt(now) ? "  STALE" : "");
            out.printf("         %s  sha256 %s%n", list.url(), list.sha256());
        }
        Map<String, List<TrustedService>> services = new LinkedHashMap<>();
        List<TrustedService> anchors = new ArrayList<>();
        for (TrustedService s : material.services()) {
            if (s.isListed()) {
                services.computeIfAbsent(s.country() + "|" + s.name(), k -> new ArrayList<>()).add(s);
            } else {
                anchors.add(s);
            }
        }
        out.println("services: " + services.size());
        for (List<TrustedService> group : services.values()) {
            TrustedService s = group.get(0);
            ServiceStatus current = s.history().get(0);
            out.printf("  %-6s %-18s %-10s since %s  %s%s%n", s.country(), current.typeName(), current.statusName(),
                    current.from(), s.name(), group.size() > 1 ? " (" + group.size() + " certificates)" : "");
        }
        out.println("manual anchors: " + anchors.size());
        for (TrustedService s : anchors) {
            out.println("  " + s.name());
        }
    }
}
