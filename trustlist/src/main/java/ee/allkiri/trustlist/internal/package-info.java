/**
 * Not API: the adapter to DSS's trusted-list job ({@code DssListLoader}) and the types it
 * shares with {@code ee.allkiri.trustlist}. Public only because Java packages need it; may
 * change in any release.
 */
package ee.allkiri.trustlist.internal;
