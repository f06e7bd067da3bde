package ee.allkiri.testkit.xades;

/**
 * Changes a test makes to the signed parts of a signature while it is being written: after
 * the writer built them and before they are digested and signed, so the result is validly
 * signed over whatever structure the test made (a reference with transforms, a second signed
 * property, a content time-stamp, ...). The unsigned parts a test changes afterwards, on the
 * tree {@link XadesSigner#signature(SignatureSpec, SigningHook)} returns.
 *
 * @since 0.1.0
 */
public interface SigningHook {

    /** No changes. */
    SigningHook NONE = new SigningHook() {
    };

    /**
     * Called with xades:SignedProperties before its digest is taken.
     *
     * @param signedProperties the element, to be edited in place
     * @param spec             the signature being written
     */
    default void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
    }

    /**
     * Called with ds:SignedInfo (the references with their digests) before the signature
     * value is computed over it.
     *
     * @param signedInfo the element, to be edited in place
     * @param keyInfo    the signature's ds:KeyInfo (for a test that references it)
     * @param spec       the signature being written
     */
    default void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
    }
}
