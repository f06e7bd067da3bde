package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import java.util.List;

/**
 * One rule on a judged signature: reads the facts, says what fails. Each implementation is
 * one class named for what it checks, with its clause in its javadoc and its codes; stateless
 * and thread-safe.
 */
@FunctionalInterface
interface SignatureRule {

    /** The findings; empty when the rule holds. */
    List<Finding> check(SignatureFacts facts);
}
