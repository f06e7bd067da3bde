package ee.allkiri.examples.petition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Signer;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import java.util.List;
import java.util.Set;

/**
 * What the endpoint answers: an HTTP status and a JSON body. Either a verdict on an upload
 * ({@code 200} accepted, {@code 422} refused, both with the signer and the reasons), or an
 * error ({@code 4xx}/{@code 5xx} with {@code {"error": CODE, "detail": ...}}, never a stack trace).
 *
 * @param status the HTTP status
 * @param body   the JSON body
 */
record Answer(int status, ObjectNode body) {

    /** A reason of this service's own, next to the audit's exclusion codes: one upload, one signer. */
    static final String NOT_ONE_SIGNATURE = "NOT_ONE_SIGNATURE";

    /** The verdict of an upload refused before it was verified. */
    static final String NOT_VERIFIED = "NOT_VERIFIED";

    /** Findings that say the upload is no ASiC-E container at all: a client error, not a verdict. */
    private static final Set<FindingCode> NOT_A_CONTAINER = Set.of(FindingCode.NOT_A_ZIP, FindingCode.ZIP_CORRUPT,
            FindingCode.ZIP_UNSUPPORTED, FindingCode.MIMETYPE_MISSING, FindingCode.MIMETYPE_WRONG_CONTENT);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** An error answer. */
    static Answer error(int status, String code, String detail) {
        ObjectNode body = JSON.objectNode();
        body.put("error", code);
        body.put("detail", detail);
        return new Answer(status, body);
    }

    /**
     * The answer to an upload with more than one signature, refused before verifying it: one
     * upload is one person's signature; {@code verdict} is {@code NOT_VERIFIED}.
     */
    static Answer notVerified(Initiative initiative, int signatures) {
        ObjectNode body = JSON.objectNode();
        body.put("initiative", initiative.id());
        body.put("accepted", false);
        body.put("verdict", NOT_VERIFIED);
        body.putArray("reasons").add(NOT_ONE_SIGNATURE);
        body.put("signatures", signatures);
        body.putNull("signer");
        body.putNull("signedAt");
        body.putArray("findings");
        return new Answer(422, body);
    }

    /**
     * The answer to an upload to an initiative: 400 when it is not a container, else the
     * verdict. It is accepted when it holds exactly one signature and that signature counts
     * under the initiative's rules (valid, exactly the initiative's document, in the window,
     * an eligible adult).
     */
    static Answer verdict(Initiative initiative, ContainerReport report, boolean acceptTestCertificates) {
        if (NOT_A_CONTAINER.stream().anyMatch(report::has)) {
            Answer answer = error(400, "NOT_A_CONTAINER", "the upload is not an ASiC-E / BDOC container");
            findings(answer.body().putArray("findings"), report.allFindings().toList());
            return answer;
        }
        List<AuditedSignature> audited = Audit.of(List.of(report), initiative.policy(acceptTestCertificates)).signatures();
        boolean accepted = audited.size() == 1 && audited.get(0).counted();
        ObjectNode body = JSON.objectNode();
        body.put("initiative", initiative.id());
        body.put("accepted", accepted);
        body.put("verdict", report.indication().name());
        ArrayNode reasons = body.putArray("reasons");
        if (audited.size() != 1) {
            reasons.add(NOT_ONE_SIGNATURE);
        }
        audited.stream().flatMap(a -> a.exclusions().stream()).map(Exclusion::name).distinct().forEach(reasons::add);
        AuditedSignature first = audited.isEmpty() ? null : audited.get(0);
        signer(body, first == null ? null : first.signature().signer());
        body.put("signedAt", first == null || first.signedAt() == null ? null : first.signedAt().toString());
        findings(body.putArray("findings"), report.allFindings().toList());
        return new Answer(accepted ? 200 : 422, body);
    }

    private static void signer(ObjectNode body, Signer signer) {
        if (signer == null) {
            body.putNull("signer");
            return;
        }
        ObjectNode node = body.putObject("signer");
        node.put("commonName", signer.commonName());
        node.put("givenName", signer.givenName());
        node.put("surname", signer.surname());
        node.put("country", signer.country());
        node.put("personalCode", signer.personalCode());
        node.put("tokenType", signer.tokenType().name());
    }

    private static void findings(ArrayNode out, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode node = out.addObject();
            node.put("code", f.code().name());
            node.put("severity", f.severity().name());
            node.put("location", f.location());
            node.put("message", f.message());
        }
    }
}
