package ee.allkiri.trustlist.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ee.allkiri.core.spi.CertificateCriteria;
import ee.allkiri.core.spi.ServiceQualifier;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The trust material of an embedded snapshot as it was when its lists were verified at build time,
 * so that a process starting with the default trust skips parsing and re-verifying the same bytes
 * (JAXB, XML Schema and XML signature initialisation cost about a second). It records the SHA-256
 * of the manifest it was made from; read against any other manifest it is refused. Only embedded
 * snapshots use it: the jar that carries it also carries the lists and the pinned signer, so a
 * signature check at run time would guard against nothing the jar itself does not. A test in this
 * module proves it equals what verifying the lists gives.
 */
public final class PreverifiedMaterial {

    /** The file name beside {@code snapshot.json}. */
    public static final String FILE_NAME = "preverified.json";

    private static final String FORMAT = "allkiri-preverified-trust/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PreverifiedMaterial() {
    }

    /** Writes {@code material}, verified from the manifest with the given SHA-256. */
    public static byte[] write(TrustMaterial material, String manifestSha256) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("manifestSha256", manifestSha256);
        root.put("description", material.description());
        ArrayNode lists = root.putArray("lists");
        for (TrustListInfo list : material.lists()) {
            ObjectNode n = lists.addObject();
            n.put("name", list.name());
            n.put("url", list.url());
            n.put("kind", list.kind().name());
            n.put("version", list.version());
            n.put("sequence", list.sequence());
            n.put("issued", list.issued().toString());
            putInstant(n, "nextUpdate", list.nextUpdate());
            n.put("sha256", list.sha256());
            n.put("parentUrl", list.parentUrl());
            n.put("signer", list.signer() == null ? null : der(list.signer()));
        }
        ArrayNode services = root.putArray("services");
        for (TrustedService service : material.services()) {
            ObjectNode n = services.addObject();
            n.put("certificate", der(service.certificate()));
            n.put("name", service.name());
            n.put("providerName", service.providerName());
            n.put("country", service.country());
            n.put("listUrl", service.listUrl());
            ArrayNode history = n.putArray("history");
            for (ServiceStatus status : service.history()) {
                ObjectNode s = history.addObject();
                s.put("type", status.type());
                s.put("status", status.status());
                s.put("from", status.from().toString());
                putInstant(s, "until", status.until());
                strings(s.putArray("additionalServiceInfo"), status.additionalServiceInfo());
                ArrayNode qualifiers = s.putArray("qualifiers");
                for (ServiceQualifier q : status.qualifiers()) {
                    ObjectNode qn = qualifiers.addObject();
                    strings(qn.putArray("qualifiers"), q.qualifiers());
                    qn.put("critical", q.critical());
                    qn.set("criteria", criteria(q.criteria()));
                }
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    /**
     * Reads the material back.
     *
     * @throws IOException when it is malformed or was made from another manifest
     */
    public static TrustMaterial read(byte[] json, String manifestSha256) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException("pre-verified trust material is not JSON", e);
        }
        if (root == null || !FORMAT.equals(text(root, "format"))) {
            throw new IOException("pre-verified trust material has an unknown format");
        }
        if (!manifestSha256.equalsIgnoreCase(String.valueOf(text(root, "manifestSha256")))) {
            throw new IOException("pre-verified trust material was made from another snapshot manifest");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<TrustListInfo> lists = new ArrayList<>();
            for (JsonNode n : root.path("lists")) {
                lists.add(new TrustListInfo(text(n, "name"), text(n, "url"), TrustListInfo.Kind.valueOf(text(n, "kind")),
                        n.path("version").asInt(), n.path("sequence").asInt(), Instant.parse(text(n, "issued")),
                        instant(n, "nextUpdate"), text(n, "sha256"), text(n, "parentUrl"), certificate(factory, text(n, "signer"))));
            }
            List<TrustedService> services = new ArrayList<>();
            for (JsonNode n : root.path("services")) {
                List<ServiceStatus> history = new ArrayList<>();
                for (JsonNode s : n.path("history")) {
                    List<ServiceQualifier> qualifiers = new ArrayList<>();
                    for (JsonNode q : s.path("qualifiers")) {
                        qualifiers.add(new ServiceQualifier(strings(q.path("qualifiers")), criteria(q.path("criteria")),
                                q.path("critical").asBoolean()));
                    }
                    history.add(new ServiceStatus(text(s, "type"), text(s, "status"), Instant.parse(text(s, "from")),
                            instant(s, "until"), strings(s.path("additionalServiceInfo")), qualifiers));
                }
                services.add(new TrustedService(certificate(factory, text(n, "certificate")), text(n, "name"),
                        text(n, "providerName"), text(n, "country"), history, text(n, "listUrl")));
            }
            return new TrustMaterial(services, lists, text(root, "description"));
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("pre-verified trust material is malformed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode criteria(CertificateCriteria criteria) {
        ObjectNode n = JSON.createObjectNode();
        if (criteria instanceof CertificateCriteria.Group g) {
            n.put("kind", "group");
            n.put("match", g.match().name());
            ArrayNode members = n.putArray("members");
            g.members().forEach(m -> members.add(criteria(m)));
        } else if (criteria instanceof CertificateCriteria.KeyUsageBit k) {
            n.put("kind", "keyUsage");
            n.put("name", k.name());
            n.put("value", k.value());
        } else if (criteria instanceof CertificateCriteria.PolicyIdentifier p) {
            n.put("kind", "policy");
            n.put("oid", p.oid());
        } else if (criteria instanceof CertificateCriteria.ExtendedKeyUsage e) {
            n.put("kind", "extendedKeyUsage");
            strings(n.putArray("oids"), e.oids());
        } else if (criteria instanceof CertificateCriteria.SubjectAttributes a) {
            n.put("kind", "subjectAttributes");
            strings(n.putArray("oids"), a.oids());
        } else if (criteria instanceof CertificateCriteria.QcStatement q) {
            n.put("kind", "qcStatement");
            n.put("oid", q.oid());
            n.put("type", q.type());
            n.put("legislation", q.legislation());
        } else {
            throw new IllegalArgumentException("unknown criteria " + criteria);
        }
        return n;
    }

    private static CertificateCriteria criteria(JsonNode n) {
        String kind = String.valueOf(text(n, "kind"));
        return switch (kind) {
            case "group" -> {
                List<CertificateCriteria> members = new ArrayList<>();
                n.path("members").forEach(m -> members.add(criteria(m)));
                yield new CertificateCriteria.Group(CertificateCriteria.Match.valueOf(text(n, "match")), members);
            }
            case "keyUsage" -> new CertificateCriteria.KeyUsageBit(text(n, "name"), n.path("value").asBoolean());
            case "policy" -> new CertificateCriteria.PolicyIdentifier(text(n, "oid"));
            case "extendedKeyUsage" -> new CertificateCriteria.ExtendedKeyUsage(strings(n.path("oids")));
            case "subjectAttributes" -> new CertificateCriteria.SubjectAttributes(strings(n.path("oids")));
            case "qcStatement" -> new CertificateCriteria.QcStatement(text(n, "oid"), text(n, "type"), text(n, "legislation"));
            default -> throw new IllegalArgumentException("unknown criteria kind " + kind);
        };
    }

    private static String der(X509Certificate certificate) throws IOException {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static X509Certificate certificate(CertificateFactory factory, String base64) throws CertificateException {
        if (base64 == null) {
            return null;
        }
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static void putInstant(ObjectNode n, String field, Instant instant) {
        n.put(field, instant == null ? null : instant.toString());
    }

    private static Instant instant(JsonNode n, String field) {
        String value = text(n, field);
        return value == null ? null : Instant.parse(value);
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
