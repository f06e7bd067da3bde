package ee.allkiri.cli;

import java.time.Duration;
import java.util.Map;

/**
 * How long each container and each of its signatures took to verify, as measured on this run
 * (the JUnit XML {@code time} attributes). Signatures verified in parallel each have their own
 * time; a container's time is its wall-clock time.
 *
 * @param containers per container path
 */
record Timings(Map<String, ContainerTime> containers) {

    /** No measurements (a report written by a program that did not time its run). */
    static final Timings NONE = new Timings(Map.of());

    Timings {
        containers = Map.copyOf(containers);
    }

    /**
     * One container's times.
     *
     * @param total      from opening the file to the finished report
     * @param opening    reading the container and its structure, before the first signature
     * @param signatures per signature file
     */
    record ContainerTime(Duration total, Duration opening, Map<String, Duration> signatures) {
        ContainerTime {
            signatures = Map.copyOf(signatures);
        }
    }

    /** The container's time, or zero when not measured. */
    Duration container(String path) {
        ContainerTime t = containers.get(path);
        return t == null ? Duration.ZERO : t.total();
    }

    /** The time spent on the container itself (its structure), or zero when not measured. */
    Duration opening(String path) {
        ContainerTime t = containers.get(path);
        return t == null ? Duration.ZERO : t.opening();
    }

    /** The signature's time, or zero when not measured. */
    Duration signature(String path, String file) {
        ContainerTime t = containers.get(path);
        return t == null ? Duration.ZERO : t.signatures().getOrDefault(file, Duration.ZERO);
    }
}
