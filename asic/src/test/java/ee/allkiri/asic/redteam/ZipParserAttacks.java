package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.sign;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.utf8;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.zip.RawZip;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * (i) Second round: ZIP readers that disagree on which name an entry has. APPNOTE 4.6.9 lets
 * an entry carry a second, UTF-8 name in an Info-ZIP Unicode Path extra field (0x7075); Info-ZIP
 * unzip, 7-Zip and Apache Commons Compress show that name (when its CRC matches the header
 * name), java.util.zip and DSS the header name. With two signed files whose extra fields name
 * each other, the verifier checks each header name's content while a person who extracts the
 * container reads the two contents swapped: "I agree to pay 10 EUR" becomes the annex and the
 * annex the contract. An entry whose second name is another name than its header name is
 * ambiguous: {@code ENTRY_NAME_AMBIGUOUS}; a trailing stub after the end record is
 * {@code ZIP_CORRUPT}.
 */
final class ZipParserAttacks {

    static final String FAMILY = "i. ZIP parser differentials";
    private static final DataFile CONTRACT = DataFile.text("contract.txt", "I agree to pay 10 EUR.\n");
    private static final DataFile ANNEX = DataFile.text("annex.txt", "Annex: the payee may raise the sum to 1000 EUR.\n");

    private ZipParserAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("two signed files whose Unicode Path extra fields (central and local) name each other",
                        FindingCode.ENTRY_NAME_AMBIGUOUS, () -> swappedByUnicodePath(true, true)),
                attack("two signed files whose Unicode Path extra fields name each other, in the central directory only",
                        FindingCode.ENTRY_NAME_AMBIGUOUS, () -> swappedByUnicodePath(true, false)),
                attack("two signed files whose Unicode Path extra fields name each other, in the local headers only",
                        FindingCode.ENTRY_NAME_AMBIGUOUS, () -> swappedByUnicodePath(false, true)),
                attack("the signed file's Unicode Path extra field names an unsigned look-alike 'contract.txt.exe'",
                        FindingCode.ENTRY_NAME_AMBIGUOUS, ZipParserAttacks::renamedByUnicodePath),
                attack("bytes after the end of central directory record (a stub appended to a valid container)",
                        FindingCode.ZIP_CORRUPT, ZipParserAttacks::trailingStub));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    private static RawZip signedTwo() {
        List<DataFile> files = List.of(CONTRACT, ANNEX);
        return ContainerForge.layout(files, Manifest.of(files), List.of(sign(spec(signer(), CONTRACT, ANNEX).build())));
    }

    private static byte[] swappedByUnicodePath(boolean central, boolean local) {
        RawZip zip = signedTwo();
        name(zip.entry(CONTRACT.name()), ANNEX.name(), central, local);
        name(zip.entry(ANNEX.name()), CONTRACT.name(), central, local);
        return zip.toBytes();
    }

    private static byte[] renamedByUnicodePath() {
        RawZip zip = signedTwo();
        name(zip.entry(CONTRACT.name()), "contract.txt.exe", true, true);
        return zip.toBytes();
    }

    private static void name(RawZip.Entry entry, String other, boolean central, boolean local) {
        byte[] field = unicodePath(entry.name(), other);
        if (central) {
            entry.centralExtra(field);
        }
        if (local) {
            entry.localExtra(field);
        }
    }

    /** The Info-ZIP Unicode Path extra field (APPNOTE 4.6.9): version 1, CRC-32 of the header name, the UTF-8 name. */
    static byte[] unicodePath(String headerName, String unicodeName) {
        CRC32 crc = new CRC32();
        crc.update(utf8(headerName));
        long c = crc.getValue();
        byte[] name = utf8(unicodeName);
        int size = 5 + name.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x75);
        out.write(0x70);
        out.write(size & 0xff);
        out.write(size >>> 8);
        out.write(1);
        for (int i = 0; i < 4; i++) {
            out.write((int) (c >>> (8 * i)) & 0xff);
        }
        out.writeBytes(name);
        return out.toByteArray();
    }

    /** Control: the two signed files, each with Unicode Path fields (central and local) of its own name. */
    static byte[] ownNames() {
        RawZip zip = signedTwo();
        name(zip.entry(CONTRACT.name()), CONTRACT.name(), true, true);
        name(zip.entry(ANNEX.name()), ANNEX.name(), true, true);
        return zip.toBytes();
    }

    private static byte[] trailingStub() {
        byte[] valid = signedTwo().toBytes();
        return RawZip.concat(valid, utf8("PK\u0005\u0006 appended"));
    }
}
