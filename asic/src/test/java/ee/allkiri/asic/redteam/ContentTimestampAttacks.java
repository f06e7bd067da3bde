package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.PKI;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.utf8;
import static ee.allkiri.core.FindingCode.CONTENT_TIMESTAMP_INVALID;

import ee.allkiri.testkit.service.TimeStampAuthority;
import ee.allkiri.testkit.xades.ContentTimestamps;
import ee.allkiri.testkit.xades.SigningHook;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * (h) Content time-stamps (xades:AllDataObjectsTimeStamp, signed) that do not prove what they
 * claim: over other data, from a unit nobody trusts, or with a broken token signature. The
 * signature itself is valid; the claim "this data existed before" is false, so the signature is
 * not valid: {@code CONTENT_TIMESTAMP_INVALID}. The control (a content time-stamp over the data)
 * passes: see RedTeamControlsTest.
 */
final class ContentTimestampAttacks {

    static final String FAMILY = "h. content time-stamp";
    /** A content time-stamp is made before signing. */
    static final Instant BEFORE = EPOCH.minusSeconds(30);

    private ContentTimestampAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("over other data than the signed file",
                        () -> signed(ContentTimestamps.allDataObjects(tsa(), BEFORE, utf8("another document\n")))),
                attack("from a time-stamping unit nobody trusts",
                        () -> signed(ContentTimestamps.allDataObjects(new TimeStampAuthority(PKI.untrustedTsa()), BEFORE))),
                attack("its token's signature broken", ContentTimestampAttacks::brokenToken));
    }

    private static RedTeamAttack attack(String name, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, CONTENT_TIMESTAMP_INVALID, container);
    }

    static TimeStampAuthority tsa() {
        return new TimeStampAuthority(PKI.tsa());
    }

    static byte[] signed(SigningHook hook) {
        return container(List.of(doc()), tree(spec(signer(), doc()).build(), hook));
    }

    private static byte[] brokenToken() {
        byte[] token = tsa().token(Forgery.sha256(ContentTimestamps.concatenated(List.of(doc()))), BEFORE);
        token[token.length - 1] ^= 0x01; // the last byte of the SignerInfo's signature value
        return signed(ContentTimestamps.allDataObjects(token));
    }
}
