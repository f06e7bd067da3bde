/**
 * Not API: helpers the other allkiri modules share (core is the one module they all depend
 * on). Public only because Java packages need it; may change or go in any release.
 */
package ee.allkiri.core.internal;
