/**
 * Runnable examples of embedding allkiri, each compiled and run by the build:
 * <ul>
 *   <li>{@link ee.allkiri.examples.QuickStart}: the README's embedding example, verbatim;</li>
 *   <li>{@link ee.allkiri.examples.petition.PetitionService}: a petition service's upload
 *       endpoint on the JDK's HTTP server;</li>
 *   <li>{@link ee.allkiri.examples.batch.AuditorBatch}: an auditor's batch that counts a bundle
 *       and writes the HTML and CSV reports.</li>
 * </ul>
 * The CI fixture check is a test: {@code ee.allkiri.examples.ci.SignatureFixturesTest}.
 */
package ee.allkiri.examples;
