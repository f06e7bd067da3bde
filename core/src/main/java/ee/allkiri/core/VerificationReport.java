package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The result of verifying one or more containers: what {@code allkiri verify --format json}
 * prints. {@link #SCHEMA_VERSION} changes only when a field changes meaning or disappears.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({"schemaVersion", "containers", "summary"})
@JsonIgnoreProperties(value = {"schemaVersion", "summary"}, allowGetters = true)
public record VerificationReport(List<ContainerReport> containers) {

    public static final String SCHEMA_VERSION = "1";

    @JsonCreator
    public VerificationReport(@JsonProperty("containers") List<ContainerReport> containers) {
        this.containers = List.copyOf(containers);
    }

    @JsonProperty("schemaVersion")
    public String schemaVersion() {
        return SCHEMA_VERSION;
    }

    @JsonProperty("summary")
    public Summary summary() {
        return Summary.of(containers);
    }

    /** True when every container is valid (and there is at least one). */
    public boolean allValid() {
        return !containers.isEmpty() && containers.stream().allMatch(ContainerReport::valid);
    }
}
