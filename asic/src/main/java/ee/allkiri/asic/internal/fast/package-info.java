/**
 * Internal: the pieces of the verifier's fast path for the common signature shape. Not an API;
 * types here are public only for the {@code ee.allkiri.asic} package and may change at any time.
 */
package ee.allkiri.asic.internal.fast;
