package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.replaced;
import static ee.allkiri.asic.redteam.Forgery.sign;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.utf8;
import static ee.allkiri.core.FindingCode.REFERENCE_DIGEST_MISMATCH;

import ee.allkiri.testkit.xades.DataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * (a) The signed content is what the references name, not what happens to have the same digest.
 * DSS resolves a detached reference by digest before name, so a changed file whose reference is
 * satisfied by an untouched twin (or by another signed file, when two files swap contents) passes
 * there; allkiri's own check must find every reference's digest in the file its URI names.
 * Every case must be REFERENCE_DIGEST_MISMATCH naming a changed file.
 */
final class DuplicateContentAttacks {

    static final String FAMILY = "a. duplicate content";
    /** The real containers of issue #12: three equal texts and two empty files, one LT (asice) or LT-TM (bdoc) signature. */
    static final List<String> FIXTURES = List.of("signed-container-with-empty-datafiles.asice",
            "signed-container-with-empty-datafiles.bdoc");

    private static final String PAY = "agrees to pay 1000 EUR";

    private DuplicateContentAttacks() {
    }

    static List<RedTeamAttack> all() {
        List<RedTeamAttack> out = new ArrayList<>(List.of(
                naming("two empty files signed; the second filled with \"" + PAY + "\"", "annex-2.txt",
                        () -> changedAfterSigning(emptyPair(), 1, 1, utf8(PAY))),
                naming("two equal texts signed; one byte of the second changed", "copy-2.txt",
                        () -> changedAfterSigning(textPair(), 1, 1, oneByteChanged(textPair().get(1).content()))),
                naming("two equal texts signed; one byte of the first changed", "copy-1.txt",
                        () -> changedAfterSigning(textPair(), 1, 0, oneByteChanged(textPair().get(0).content()))),
                naming("two signers over two empty files; the second filled", "annex-2.txt",
                        () -> changedAfterSigning(emptyPair(), 2, 1, utf8(PAY))),
                naming("two signers over two equal texts; one byte of the second changed", "copy-2.txt",
                        () -> changedAfterSigning(textPair(), 2, 1, oneByteChanged(textPair().get(1).content()))),
                naming("two different signed files swap contents", "contract.txt", DuplicateContentAttacks::swapped),
                naming("three different signed files rotate contents", "terms-1.txt", DuplicateContentAttacks::rotated),
                naming("two signers; two different signed files swap contents", "contract.txt",
                        DuplicateContentAttacks::swappedTwoSigners)));
        out.add(fixture(FIXTURES.get(0), "data-file-3.txt", "one byte changed",
                oneByteChanged(FixtureZip.entries(FIXTURES.get(0)).get("data-file-3.txt"))));
        out.add(fixture(FIXTURES.get(0), "empty-file-4.txt", "filled with \"" + PAY + "\"", utf8(PAY)));
        out.add(new RedTeamAttack(FAMILY, "real fixture " + FIXTURES.get(0) + ": data-file-1.txt and empty-file-2.txt swap contents",
                REFERENCE_DIGEST_MISMATCH, "data-file-1.txt", Judges.FIXTURES, () -> {
                    Map<String, byte[]> entries = FixtureZip.entries(FIXTURES.get(0));
                    return FixtureZip.with(FIXTURES.get(0), Map.of("data-file-1.txt", entries.get("empty-file-2.txt"),
                            "empty-file-2.txt", entries.get("data-file-1.txt")));
                }));
        out.add(fixture(FIXTURES.get(1), "data-file-3.txt", "one byte changed",
                oneByteChanged(FixtureZip.entries(FIXTURES.get(1)).get("data-file-3.txt"))));
        out.add(fixture(FIXTURES.get(1), "empty-file-4.txt", "filled with \"" + PAY + "\"", utf8(PAY)));
        return out;
    }

    private static RedTeamAttack naming(String name, String file, Supplier<byte[]> container) {
        return RedTeamAttack.naming(FAMILY, name, REFERENCE_DIGEST_MISMATCH, file, container);
    }

    private static RedTeamAttack fixture(String fixture, String entry, String change, byte[] content) {
        return new RedTeamAttack(FAMILY, "real fixture " + fixture + ": " + entry + " " + change, REFERENCE_DIGEST_MISMATCH,
                entry, Judges.FIXTURES, () -> FixtureZip.with(fixture, entry, content));
    }

    private static List<DataFile> emptyPair() {
        return List.of(DataFile.of("annex-1.txt", "text/plain", new byte[0]), DataFile.of("annex-2.txt", "text/plain", new byte[0]));
    }

    private static List<DataFile> textPair() {
        String text = "The undersigned support the initiative.\n";
        return List.of(DataFile.text("copy-1.txt", text), DataFile.text("copy-2.txt", text));
    }

    /** The files signed by one or two signers; then file {@code index} gets other content. */
    private static byte[] changedAfterSigning(List<DataFile> files, int signers, int index, byte[] content) {
        List<byte[]> signatures = signatures(files, signers);
        return container(replaced(files, files.get(index).withContent(content)), signatures);
    }

    private static List<byte[]> signatures(List<DataFile> files, int signers) {
        DataFile[] signed = files.toArray(DataFile[]::new);
        List<byte[]> out = new ArrayList<>();
        out.add(sign(spec(signer(), signed).id("S0").build()));
        if (signers > 1) {
            out.add(sign(spec(personas().mobileId(), signed).id("S1").signingTime(Forgery.EPOCH.plusSeconds(600)).build()));
        }
        return out;
    }

    private static byte[] swapped() {
        List<DataFile> files = List.of(DataFile.text("contract.txt", "I agree to pay 10 EUR.\n"),
                DataFile.text("receipt.txt", "I agree to pay 1000 EUR.\n"));
        return swap(files, 1);
    }

    private static byte[] swappedTwoSigners() {
        List<DataFile> files = List.of(DataFile.text("contract.txt", "I agree to pay 10 EUR.\n"),
                DataFile.text("receipt.txt", "I agree to pay 1000 EUR.\n"));
        return swap(files, 2);
    }

    private static byte[] swap(List<DataFile> files, int signers) {
        List<byte[]> signatures = signatures(files, signers);
        return container(List.of(files.get(0).withContent(files.get(1).content()), files.get(1).withContent(files.get(0).content())),
                signatures);
    }

    private static byte[] rotated() {
        List<DataFile> files = List.of(DataFile.text("terms-1.txt", "Term one.\n"), DataFile.text("terms-2.txt", "Term two.\n"),
                DataFile.text("terms-3.txt", "Term three.\n"));
        List<byte[]> signatures = signatures(files, 1);
        return container(List.of(files.get(0).withContent(files.get(1).content()), files.get(1).withContent(files.get(2).content()),
                files.get(2).withContent(files.get(0).content())), signatures);
    }

    static byte[] oneByteChanged(byte[] content) {
        byte[] out = content.clone();
        out[out.length / 2] ^= 0x01;
        return out;
    }
}
