package ee.allkiri.testkit.xades;

/**
 * The Id attributes of one signature's parts, in the naming style of its writer.
 *
 * @param signature        ds:Signature/@Id
 * @param signedProperties xades:SignedProperties/@Id
 * @param signatureValue   ds:SignatureValue/@Id, or null (undersign writes none)
 * @param timestamp        xades:SignatureTimeStamp/@Id, or null
 * @param referencePrefix  data file references are this plus an index
 * @param firstReference   the index of the first data file reference (0 or 1)
 */
record Ids(String signature, String signedProperties, String signatureValue, String timestamp, String referencePrefix,
           int firstReference) {

    static Ids of(SignatureSpec spec) {
        if (spec.style() == IdStyle.UNDERSIGN) {
            return new Ids("signature", "signed-properties", null, null, "file-", 0);
        }
        String id = spec.id();
        return new Ids(id, "xades-" + id, "value-" + id, "TS-" + id, "r-" + id + "-", 1);
    }

    String reference(int index) {
        return referencePrefix + (index + firstReference);
    }
}
