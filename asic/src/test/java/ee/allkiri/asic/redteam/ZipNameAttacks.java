package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.sign;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.core.FindingCode.DATA_FILE_UNSIGNED;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE_CASE;
import static ee.allkiri.core.FindingCode.REFERENCE_NOT_FOUND;
import static ee.allkiri.core.FindingCode.ZIP_CORRUPT;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.zip.RawZip;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Supplier;

/**
 * (f) ZIP names a person or a file system takes for the signed file's: another Unicode
 * normalisation, a trailing dot or space (Windows drops them), a directory of the same name, a
 * lower-case META-INF. An entry no signature covers is {@code DATA_FILE_UNSIGNED} (a person
 * cannot tell which of two look-alike files was signed, so the container must not pass); a
 * directory and a file of one name cannot both be extracted, {@code ENTRY_DUPLICATE}; a data file
 * that lands on the signature on a case-insensitive file system is {@code ENTRY_DUPLICATE_CASE};
 * a reference that names the file in another normalisation names no entry,
 * {@code REFERENCE_NOT_FOUND}. A file that is two archives, a forged one whose end-record comment
 * is the signed one (a reader that scans back from the end reads the signed one, a streaming
 * reader the forged one), is {@code ZIP_CORRUPT}.
 */
final class ZipNameAttacks {

    static final String FAMILY = "f. ZIP names and layout";
    private static final String NAME = "leping-ä.txt";
    private static final String FORGED = "I agree to pay 1000 EUR.\n";

    private ZipNameAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("beside the signed NFC '" + NAME + "', an unsigned NFD twin with other content", DATA_FILE_UNSIGNED,
                        () -> withTwin(Normalizer.normalize(NAME, Normalizer.Form.NFD))),
                attack("beside the signed '" + NAME + "', an unsigned '" + NAME + ".' (trailing dot)", DATA_FILE_UNSIGNED,
                        () -> withTwin(NAME + ".")),
                attack("beside the signed '" + NAME + "', an unsigned '" + NAME + " ' (trailing space)", DATA_FILE_UNSIGNED,
                        () -> withTwin(NAME + " ")),
                attack("beside the signed file, a directory entry of its name ('" + NAME + "/')", ENTRY_DUPLICATE,
                        ZipNameAttacks::withDirectory),
                attack("a data file meta-inf/signatures0.xml (the signature's name on case-insensitive file systems)",
                        ENTRY_DUPLICATE_CASE, () -> withTwin("meta-inf/signatures0.xml")),
                attack("the reference names the file in NFD, the only entry is NFC", REFERENCE_NOT_FOUND,
                        ZipNameAttacks::referenceInNfd),
                attack("a forged container whose end-record comment holds the signed one (two end records reach the end)",
                        ZIP_CORRUPT, ZipNameAttacks::twoArchives));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    private static DataFile signed() {
        return DataFile.text(NAME, "I agree to pay 10 EUR.\n");
    }

    private static byte[] withTwin(String twin) {
        DataFile signed = signed();
        DataFile other = DataFile.text(twin, FORGED);
        return container(List.of(signed, other), List.of(sign(spec(signer(), signed).build())));
    }

    private static byte[] withDirectory() {
        DataFile signed = signed();
        RawZip zip = ContainerForge.layout(List.of(signed), Manifest.of(List.of(signed)), List.of(sign(spec(signer(), signed).build())));
        zip.add(NAME + "/", new byte[0]);
        return zip.toBytes();
    }

    private static byte[] twoArchives() {
        DataFile signed = signed();
        byte[] signature = sign(spec(signer(), signed).build());
        DataFile forgedFile = signed.withContent(Forgery.utf8(FORGED));
        byte[] forged = container(List.of(forgedFile), List.of(signature));
        RawZip genuine = ContainerForge.layout(List.of(signed), Manifest.of(List.of(signed)), List.of(signature)).prefix(forged);
        byte[] both = genuine.toBytes();
        int comment = both.length - forged.length;
        both[forged.length - 2] = (byte) comment;
        both[forged.length - 1] = (byte) (comment >>> 8);
        return both;
    }

    private static byte[] referenceInNfd() {
        DataFile inNfd = DataFile.text(Normalizer.normalize(NAME, Normalizer.Form.NFD), "I agree to pay 10 EUR.\n");
        byte[] signature = sign(spec(signer(), inNfd).build());
        return container(List.of(signed()), List.of(signature));
    }
}
