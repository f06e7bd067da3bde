package ee.allkiri.testkit.forge;

import ee.allkiri.testkit.cades.CadesForge;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.Tamper;
import ee.allkiri.testkit.xades.XadesSigner;
import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes ASiC-E / BDOC containers signed with a {@link TestPki}: valid ones of every level and
 * the defect catalogue of {@link Variant}. Containers have digidoc4j's layout ({@code mimetype},
 * manifest, data files, {@code META-INF/signaturesN.xml}); signatures are signed at the PKI's
 * epoch. Deterministic and thread-safe.
 *
 * @since 0.1.0
 */
public final class ContainerForge {

    /** The data file of the single-document containers. */
    public static final String DOCUMENT = "test.txt";

    private final TestPki pki;
    private final XadesSigner signer;
    private final Personas personas;
    private final CadesForge cades;

    public ContainerForge(TestPki pki) {
        this.pki = pki;
        this.signer = new XadesSigner(pki);
        this.personas = new Personas(pki);
        this.cades = new CadesForge(pki);
    }

    /** The forge of ASiC-E containers with CAdES signatures, on the same PKI. */
    public CadesForge cades() {
        return cades;
    }

    public TestPki pki() {
        return pki;
    }

    public Personas personas() {
        return personas;
    }

    /** The document the single-document containers sign. */
    public DataFile document() {
        return DataFile.text(DOCUMENT, "allkiri testkit: a document to sign\n");
    }

    /** A signature spec for a persona over files, LT, signed at the epoch. */
    public SignatureSpec.Builder spec(Persona persona, DataFile... files) {
        return SignatureSpec.builder(persona, List.of(files)).signingTime(pki.epoch());
    }

    /** A well-formed container: the files, and one signature file per spec. */
    public byte[] container(List<DataFile> files, List<SignatureSpec> signatures) {
        return layout(files, signs(signatures)).toBytes();
    }

    /** A well-formed container around signature files given as bytes (e.g. edited by a test). */
    public byte[] containerOf(List<DataFile> files, List<byte[]> signatureFiles) {
        return layout(files, signatureFiles).toBytes();
    }

    /** One signature file's bytes. */
    public byte[] sign(SignatureSpec spec) {
        return signer.sign(spec);
    }

    /** Writes a variant into the directory under {@link Variant#fileName()}; returns the file. */
    public Path write(Variant variant, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.write(directory.resolve(variant.fileName()), forge(variant));
    }

    /** The container of a variant. */
    public byte[] forge(Variant variant) {
        DataFile doc = document();
        List<DataFile> docs = List.of(doc);
        Instant epoch = pki.epoch();
        return switch (variant) {
            case VALID_LT -> one(spec(personas.idCard(), doc));
            case VALID_LTA -> one(spec(personas.idCard(), doc).level(Level.LTA));
            case VALID_TM -> one(spec(personas.plainIdCard(), doc).level(Level.LT_TM));
            case VALID_MULTI_SIGNATURE -> multi(doc);
            case VALID_TWO_FILES -> twoFiles(doc);
            case B_LEVEL -> one(spec(personas.idCard(), doc).level(Level.B));
            case T_LEVEL -> one(spec(personas.idCard(), doc).level(Level.T));
            case DATA_FILE_ALTERED -> layout(List.of(doc.withContent("allkiri testkit: a changed document\n"
                    .getBytes(StandardCharsets.UTF_8))), signs(List.of(spec(personas.idCard(), doc).build()))).toBytes();
            case MANIFEST_ABSENT -> withoutManifest(doc);
            case MANIFEST_MISSING_ENTRY -> withManifest(docs, Manifest.of(List.of()));
            case MANIFEST_WRONG_ENTRY -> withManifest(docs, Manifest.of(List.of(doc.withMimeType("application/pdf"))));
            case MANIFEST_EXTRA_ENTRY -> withManifest(docs, Manifest.of(List.of(doc, DataFile.text("annex.txt", "annex\n"))));
            case MIMETYPE_WRONG -> mimetype("application/zip", false, false);
            case MIMETYPE_DEFLATED -> mimetype(Manifest.ASIC_E, true, false);
            case MIMETYPE_NOT_FIRST_ENTRY -> mimetype(Manifest.ASIC_E, false, true);
            case UNSIGNED_EXTRA_FILE -> unsignedExtra(doc);
            case SIGNATURE_OVER_OTHER_DOCUMENT -> layout(docs, signs(List.of(spec(personas.idCard(),
                    DataFile.of("other.pdf", "application/pdf", "%PDF-1.4 another document".getBytes(StandardCharsets.UTF_8)))
                    .build()))).toBytes();
            case SIGNATURE_VALUE_BROKEN -> one(spec(personas.idCard(), doc).tamper(Tamper.SIGNATURE_VALUE));
            case REVOKED_SIGNER -> one(spec(personas.revoked(), doc));
            case EXPIRED_SIGNER -> one(spec(personas.expired(), doc));
            case NOT_YET_VALID_SIGNER -> one(spec(personas.notYetValid(), doc));
            case OCSP_BEFORE_TIME_STAMP -> one(spec(personas.idCard(), doc).timestampTime(epoch.plusSeconds(60))
                    .ocspTime(epoch.plusSeconds(30)));
            case OCSP_LATE -> one(spec(personas.idCard(), doc).ocspTime(epoch.plus(Duration.ofMinutes(21))));
            case OCSP_NONCE_WRONG -> one(spec(personas.plainIdCard(), doc).level(Level.LT_TM).tamper(Tamper.OCSP_NONCE));
            case OCSP_NONCE_ABSENT -> one(spec(personas.plainIdCard(), doc).level(Level.LT_TM)
                    .tamper(Tamper.OCSP_NONCE_ABSENT));
            case TIME_MARK_BY_AIA_RESPONDER -> one(spec(personas.idCard(), doc).level(Level.LT_TM)
                    .ocspResponder(pki.ocspResponder(personas.idCard())));
            case TIME_MARK_POLICY_WITHOUT_SPURI -> one(spec(personas.plainIdCard(), doc).level(Level.LT_TM)
                    .tamper(Tamper.POLICY_SPURI));
            case UNAUTHORIZED_OCSP_RESPONDER -> one(spec(personas.idCard(), doc).ocspResponder(pki.rogueResponder()));
            case UNTRUSTED_TSA -> one(spec(personas.idCard(), doc).tsa(pki.untrustedTsa()));
            case TIMESTAMP_IMPRINT_WRONG -> one(spec(personas.idCard(), doc).tamper(Tamper.TIMESTAMP_IMPRINT));
            case TIMESTAMP_WITHOUT_C14N -> one(spec(personas.idCard(), doc).withoutTimestampC14n());
            case SIGNING_CERTIFICATE_DIGEST_WRONG -> one(spec(personas.idCard(), doc)
                    .tamper(Tamper.SIGNING_CERTIFICATE_DIGEST));
            case DUPLICATE_SIGNATURE_FILE -> duplicateSignatureFile(doc);
            case ZIP_BOMB -> zipBomb(doc);
            case XML_WITH_DTD -> withDtd(doc);
            case AUTHENTICATION_CERTIFICATE -> one(spec(personas.authentication(), doc));
            case TEST_SIGNER -> one(spec(personas.test(), doc));
            case PERSONAL_CODE_BAD_CHECKSUM -> one(spec(personas.badChecksum(), doc));
            case VALID_CADES_LT -> cades.container(docs, List.of(spec(personas.idCard(), doc).build()));
            case CADES_DATA_FILE_ALTERED -> CadesForge.layout(List.of(doc.withContent(
                    "allkiri testkit: a changed document\n".getBytes(StandardCharsets.UTF_8))),
                    List.of(cades.part(1, spec(personas.idCard(), doc).build())), false).toBytes();
        };
    }

    private byte[] one(SignatureSpec.Builder spec) {
        SignatureSpec built = spec.build();
        return layout(built.files(), signs(List.of(built))).toBytes();
    }

    private List<byte[]> signs(List<SignatureSpec> specs) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            out.add(signer.sign(specs.get(i)));
        }
        return out;
    }

    private RawZip layout(List<DataFile> files, List<byte[]> signatures) {
        return layout(files, Manifest.of(files), signatures);
    }

    /**
     * An ASiC-E in digidoc4j's order: mimetype (STORED), manifest (left out when null), data
     * files, then {@code META-INF/signatures0.xml}... (all DEFLATED).
     */
    public static RawZip layout(List<DataFile> files, byte[] manifest, List<byte[]> signatures) {
        RawZip zip = new RawZip();
        zip.add("mimetype", Manifest.ASIC_E);
        if (manifest != null) {
            zip.add("META-INF/manifest.xml", manifest).deflated();
        }
        for (DataFile file : files) {
            zip.add(file.name(), file.content()).deflated();
        }
        for (int i = 0; i < signatures.size(); i++) {
            zip.add("META-INF/signatures" + i + ".xml", signatures.get(i)).deflated();
        }
        return zip;
    }

    private byte[] multi(DataFile doc) {
        List<Persona> signers = List.of(personas.idCard(), personas.digiId(), personas.eResident(), personas.mobileId(),
                personas.smartId(), personas.plainIdCard(), personas.eSeal());
        List<SignatureSpec> specs = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            specs.add(spec(signers.get(i), doc).id("S" + i).signingTime(pki.epoch().plusSeconds(600L * i)).build());
        }
        return container(List.of(doc), specs);
    }

    private byte[] twoFiles(DataFile doc) {
        DataFile annex = DataFile.of("lisa 1.pdf", "application/pdf", "%PDF-1.4 annex".getBytes(StandardCharsets.UTF_8));
        return one(spec(personas.digiId(), doc, annex));
    }

    private byte[] withoutManifest(DataFile doc) {
        return layout(List.of(doc), null, signs(List.of(spec(personas.idCard(), doc).build()))).toBytes();
    }

    private byte[] withManifest(List<DataFile> files, byte[] manifest) {
        return layout(files, manifest, signs(List.of(spec(personas.idCard(), files.get(0)).build()))).toBytes();
    }

    private byte[] mimetype(String content, boolean deflated, boolean notFirst) {
        DataFile doc = document();
        List<byte[]> signatures = signs(List.of(spec(personas.idCard(), doc).build()));
        RawZip zip = new RawZip();
        if (notFirst) {
            zip.add(doc.name(), doc.content()).deflated();
        }
        RawZip.Entry mimetype = zip.add("mimetype", content);
        if (deflated) {
            mimetype.deflated();
        }
        zip.add("META-INF/manifest.xml", Manifest.of(List.of(doc))).deflated();
        if (!notFirst) {
            zip.add(doc.name(), doc.content()).deflated();
        }
        zip.add("META-INF/signatures0.xml", signatures.get(0)).deflated();
        return zip.toBytes();
    }

    private byte[] unsignedExtra(DataFile doc) {
        DataFile extra = DataFile.text("added-later.txt", "slipped in after signing\n");
        List<DataFile> files = List.of(doc, extra);
        return layout(files, Manifest.of(files), signs(List.of(spec(personas.idCard(), doc).build()))).toBytes();
    }

    private byte[] duplicateSignatureFile(DataFile doc) {
        RawZip zip = layout(List.of(doc), signs(List.of(spec(personas.idCard(), doc).build())));
        zip.add("META-INF/signatures0.xml", signer.sign(spec(personas.mobileId(), doc).id("S1").build())).deflated();
        return zip.toBytes();
    }

    private byte[] zipBomb(DataFile doc) {
        RawZip zip = layout(List.of(doc), signs(List.of(spec(personas.idCard(), doc).build())));
        zip.add("zeros.bin", new byte[8 << 20]).deflated();
        return zip.toBytes();
    }

    private byte[] withDtd(DataFile doc) {
        String xml = new String(signer.sign(spec(personas.idCard(), doc).build()), StandardCharsets.UTF_8);
        int afterDeclaration = xml.indexOf("?>") + 2;
        String withDtd = xml.substring(0, afterDeclaration)
                + "<!DOCTYPE asic:XAdESSignatures [<!ENTITY testkit \"entity\">]>" + xml.substring(afterDeclaration);
        return layout(List.of(doc), List.of(withDtd.getBytes(StandardCharsets.UTF_8))).toBytes();
    }
}
