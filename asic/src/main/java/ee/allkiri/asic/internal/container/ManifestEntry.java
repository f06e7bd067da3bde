package ee.allkiri.asic.internal.container;

/**
 * One {@code manifest:file-entry} of META-INF/manifest.xml.
 *
 * @param fullPath  {@code manifest:full-path} as written
 * @param mediaType {@code manifest:media-type}, or null when absent
 */
public record ManifestEntry(String fullPath, String mediaType) {
}
