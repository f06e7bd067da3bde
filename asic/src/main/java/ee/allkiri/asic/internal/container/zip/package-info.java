/**
 * The ZIP layer under {@link ee.allkiri.asic.internal.container.ContainerReader}: its own parser of the end
 * records (with ZIP64), the central directory and the local headers, and bounded, CRC-checked entry
 * streams. Public only so the container package can use it; not part of allkiri's API and may
 * change without notice. All types are immutable or, for streams, one per thread.
 */
package ee.allkiri.asic.internal.container.zip;
