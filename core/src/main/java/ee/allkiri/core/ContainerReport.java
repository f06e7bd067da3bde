package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The verdict on one container: its own findings (structure, manifest, files) and one
 * {@link SignatureReport} per signature.
 *
 * <p>A container is {@link #valid()} when it has at least one signature, every signature is
 * {@link Indication#TOTAL_PASSED} and no container finding is an ERROR.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({"path", "valid", "indication", "findings", "dataFiles", "signatures"})
@JsonIgnoreProperties(value = {"valid", "indication"}, allowGetters = true)
public record ContainerReport(String path, List<Finding> findings, List<DataFile> dataFiles,
                              List<SignatureReport> signatures) {

    @JsonCreator
    public ContainerReport(@JsonProperty("path") String path,
                           @JsonProperty("findings") List<Finding> findings,
                           @JsonProperty("dataFiles") List<DataFile> dataFiles,
                           @JsonProperty("signatures") List<SignatureReport> signatures) {
        this.path = Objects.requireNonNull(path, "path");
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
        this.signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    @JsonProperty("valid")
    public boolean valid() {
        return !signatures.isEmpty()
                && signatures.stream().allMatch(SignatureReport::valid)
                && findings.stream().noneMatch(Finding::isError);
    }

    /**
     * TOTAL_PASSED when valid; TOTAL_FAILED when the container has an ERROR finding, no
     * signature, or a failed signature; INDETERMINATE otherwise.
     */
    @JsonProperty("indication")
    public Indication indication() {
        if (valid()) {
            return Indication.TOTAL_PASSED;
        }
        if (signatures.isEmpty() || findings.stream().anyMatch(Finding::isError)
                || signatures.stream().anyMatch(s -> s.indication() == Indication.TOTAL_FAILED)) {
            return Indication.TOTAL_FAILED;
        }
        return Indication.INDETERMINATE;
    }

    /** Every finding: the container's, then each signature's. */
    public Stream<Finding> allFindings() {
        return Stream.concat(findings.stream(), signatures.stream().flatMap(s -> s.findings().stream()));
    }

    /** True when the container itself or one of its signatures has a finding with the code. */
    public boolean has(FindingCode code) {
        return allFindings().anyMatch(f -> f.code() == code);
    }
}
