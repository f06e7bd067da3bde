/**
 * A petition service's signature endpoint on the JDK's {@code HttpServer}: upload a signed
 * container for an initiative, get JSON with the signer and the verdict. Start with
 * {@link ee.allkiri.examples.petition.PetitionService}.
 */
package ee.allkiri.examples.petition;
