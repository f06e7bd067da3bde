/**
 * An auditor's batch: audit a signature bundle or a folder of containers for one initiative
 * and write the HTML and CSV reports. Start with {@link ee.allkiri.examples.batch.AuditorBatch}.
 */
package ee.allkiri.examples.batch;
