/**
 * Trust sources for the verifier: plain certificates ({@link ee.allkiri.trustlist.CertificateFolderTrustSource},
 * {@link ee.allkiri.trustlist.KeyStoreTrustSource}), trusted lists read through DSS with pinned signers
 * ({@link ee.allkiri.trustlist.TrustListFileSource}), immutable offline snapshots
 * ({@link ee.allkiri.trustlist.SnapshotTrustSource}, {@link ee.allkiri.trustlist.EmbeddedSnapshots}) and the
 * explicit online refresh that writes them ({@link ee.allkiri.trustlist.TrustListRefresher}). The verifier only
 * reads snapshots and files; nothing here downloads unless a refresher is asked to.
 */
package ee.allkiri.trustlist;
