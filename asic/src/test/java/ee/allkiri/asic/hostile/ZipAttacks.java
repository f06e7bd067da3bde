package ee.allkiri.asic.hostile;

import static ee.allkiri.core.FindingCode.DATA_FILE_UNSIGNED;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE_CASE;
import static ee.allkiri.core.FindingCode.ENTRY_NAME_UNSAFE;
import static ee.allkiri.core.FindingCode.LIMIT_COMPRESSION_RATIO;
import static ee.allkiri.core.FindingCode.LIMIT_ENTRY_COUNT;
import static ee.allkiri.core.FindingCode.LIMIT_ENTRY_SIZE;
import static ee.allkiri.core.FindingCode.LIMIT_TOTAL_SIZE;
import static ee.allkiri.core.FindingCode.NOT_A_ZIP;
import static ee.allkiri.core.FindingCode.ZIP_CORRUPT;
import static ee.allkiri.core.FindingCode.ZIP_HEADER_MISMATCH;

import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Attacks on the ZIP layer, each around an otherwise valid signed container. */
final class ZipAttacks {

    private ZipAttacks() {
    }

    static List<Attack> all() {
        return List.of(
                new Attack("zip bomb: an entry of 1 GiB of zeros, declared honestly", LIMIT_COMPRESSION_RATIO,
                        () -> twist(zip -> Bombs.addGibibyte(zip, "zeros.bin", Bombs.GIB))),
                new Attack("zip bomb: an entry of 1 GiB of zeros declaring 1 KB", LIMIT_COMPRESSION_RATIO,
                        () -> twist(zip -> Bombs.addGibibyte(zip, "zeros.bin", 1000))),
                new Attack("zip bomb: the signed document replaced by 1 GiB of zeros declaring its size", LIMIT_COMPRESSION_RATIO,
                        ZipAttacks::bombInPlaceOfDocument),
                new Attack("zip bomb: a signature file of 1 GiB of zeros declaring 10 bytes", LIMIT_ENTRY_SIZE,
                        () -> twist(zip -> Bombs.addGibibyte(zip, "META-INF/signatures1.xml", 10))),
                new Attack("zip bomb: five entries declaring 1 GiB each (over 4 GiB in all)", LIMIT_TOTAL_SIZE,
                        () -> twist(zip -> {
                            for (int i = 0; i < 5; i++) {
                                Bombs.addGibibyte(zip, "part" + i + ".bin", Bombs.GIB - 1);
                            }
                        })),
                new Attack("zip bomb: 200,001 empty entries", LIMIT_ENTRY_COUNT, () -> twist(zip -> {
                    for (int i = 0; i <= 200_000; i++) {
                        zip.add("e" + i, new byte[0]);
                    }
                })),
                new Attack("zip bomb: an end record claiming a trillion entries", LIMIT_ENTRY_COUNT,
                        () -> twist(zip -> zip.zip64End().declaredCount(1_000_000_000_000L))),
                new Attack("nested zip bomb: an unsigned data file that is a ZIP of 1 GiB of zeros", DATA_FILE_UNSIGNED,
                        ZipAttacks::nestedBomb),
                new Attack("zip slip: an entry named ../evil.txt", ENTRY_NAME_UNSAFE, () -> extra("../evil.txt")),
                new Attack("zip slip: an absolute entry name /tmp/evil.txt", ENTRY_NAME_UNSAFE, () -> extra("/tmp/evil.txt")),
                new Attack("zip slip: META-INF/../../evil.txt", ENTRY_NAME_UNSAFE, () -> extra("META-INF/../../evil.txt")),
                new Attack("zip slip: a backslash path ..\\evil.txt", ENTRY_NAME_UNSAFE, () -> extra("..\\evil.txt")),
                new Attack("zip slip: a drive letter C:/evil.txt", ENTRY_NAME_UNSAFE, () -> extra("C:/evil.txt")),
                new Attack("duplicate: a second test.txt with other content after the signed one", ENTRY_DUPLICATE,
                        () -> twist(zip -> zip.add(doc().name(), "forged content").deflated())),
                new Attack("duplicate: a forged test.txt before the signed one", ENTRY_DUPLICATE, ZipAttacks::forgedFirst),
                new Attack("case duplicate: TEST.TXT beside the signed test.txt", ENTRY_DUPLICATE_CASE,
                        () -> twist(zip -> zip.add("TEST.TXT", "forged content").deflated())),
                new Attack("header mismatch: the local header names another file than the central directory",
                        ZIP_HEADER_MISMATCH, () -> twist(zip -> zip.entry(doc().name()).localName("evil.txt"))),
                new Attack("header mismatch: the local header declares another CRC", ZIP_HEADER_MISMATCH,
                        () -> twist(zip -> zip.entry(doc().name()).localCrc(0x12345678L))),
                new Attack("header mismatch: the local header says STORED, the directory DEFLATED", ZIP_HEADER_MISMATCH,
                        () -> twist(zip -> zip.entry(doc().name()).localMethod(0))),
                new Attack("overlap: two directory entries share the signed document's local header", ZIP_CORRUPT,
                        () -> twist(zip -> zip.add("copy.txt", doc().content()).deflated().sharesLocalHeaderOf(2))),
                new Attack("hidden entry: a local entry missing from the central directory", ZIP_CORRUPT,
                        () -> twist(zip -> zip.add("hidden.txt", "seen by stream readers only").deflated().localOnly())),
                new Attack("data descriptor: its CRC disagrees with the central directory", ZIP_HEADER_MISMATCH,
                        () -> twist(zip -> zip.entry(doc().name()).dataDescriptor().descriptorCrc(0x0BADF00DL))),
                new Attack("truncated: the last byte cut off", ZIP_CORRUPT, () -> truncated(1)),
                new Attack("truncated: the end record cut off", ZIP_CORRUPT, () -> truncated(22)),
                new Attack("truncated: cut in half", ZIP_CORRUPT, () -> half()),
                new Attack("truncated: only the first 3 bytes", NOT_A_ZIP, () -> Arrays.copyOf(valid(), 3)),
                new Attack("prefixed: a stub before the archive", ZIP_CORRUPT,
                        () -> RawZip.concat("MZ\u0090\u0000stub".getBytes(StandardCharsets.ISO_8859_1), valid())));
    }

    private static DataFile doc() {
        return Hostile.FORGE.document();
    }

    private static byte[] valid() {
        return Parts.validLt().bytes();
    }

    private static byte[] twist(Consumer<RawZip> change) {
        RawZip zip = Parts.validLt().zip();
        change.accept(zip);
        return zip.toBytes();
    }

    private static byte[] extra(String name) {
        return twist(zip -> zip.add(name, "planted").deflated());
    }

    private static byte[] truncated(int bytes) {
        byte[] whole = valid();
        return Arrays.copyOf(whole, whole.length - bytes);
    }

    private static byte[] half() {
        byte[] whole = valid();
        return Arrays.copyOf(whole, whole.length / 2);
    }

    private static byte[] bombInPlaceOfDocument() {
        return twist(zip -> zip.entry(doc().name()).content(new byte[0]).compressed(Bombs.gibibyteOfZeros())
                .size(Bombs.GIB).crc(0));
    }

    private static byte[] nestedBomb() {
        RawZip inner = new RawZip();
        for (int i = 0; i < 4; i++) {
            Bombs.addGibibyte(inner, "layer" + i + ".bin", Bombs.GIB);
        }
        byte[] innerBytes = inner.toBytes();
        return twist(zip -> zip.add("attachment.zip", innerBytes));
    }

    private static byte[] forgedFirst() {
        Parts parts = Parts.validLt();
        RawZip zip = new RawZip();
        zip.add("mimetype", ee.allkiri.testkit.forge.Manifest.ASIC_E);
        zip.add("META-INF/manifest.xml", parts.manifest()).deflated();
        zip.add(doc().name(), "forged content").deflated();
        zip.add(doc().name(), doc().content()).deflated();
        zip.add("META-INF/signatures0.xml", parts.signatures().get(0)).deflated();
        return zip.toBytes();
    }
}
