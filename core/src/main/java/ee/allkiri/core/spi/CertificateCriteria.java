package ee.allkiri.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Which certificates a trusted list's qualifiers apply to (ETSI TS 119 612 5.5.9.2,
 * {@code CriteriaList}). A tree: a {@link Group} combines its members with
 * {@code all}, {@code atLeastOne} or {@code none}; the leaves test one property of the
 * certificate. Immutable.
 *
 * @since 0.1.0
 */
public sealed interface CertificateCriteria {

    /** How a {@link Group} combines its members (the {@code assert} attribute). */
    enum Match { ALL, AT_LEAST_ONE, NONE }

    /** Members combined by {@code match}. */
    record Group(Match match, List<CertificateCriteria> members) implements CertificateCriteria {
        public Group {
            Objects.requireNonNull(match, "match");
            members = List.copyOf(members);
        }
    }

    /** A key usage bit (RFC 5280 names, e.g. {@code nonRepudiation}) that must have the value. */
    record KeyUsageBit(String name, boolean value) implements CertificateCriteria {
        public KeyUsageBit {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A certificate policy OID the certificate must carry. */
    record PolicyIdentifier(String oid) implements CertificateCriteria {
        public PolicyIdentifier {
            Objects.requireNonNull(oid, "oid");
        }
    }

    /** Extended key usage purposes the certificate must carry. */
    record ExtendedKeyUsage(List<String> oids) implements CertificateCriteria {
        public ExtendedKeyUsage {
            oids = List.copyOf(oids);
        }
    }

    /** Subject DN attributes (by OID) the certificate must have. */
    record SubjectAttributes(List<String> oids) implements CertificateCriteria {
        public SubjectAttributes {
            oids = List.copyOf(oids);
        }
    }

    /** A QC statement the certificate must carry, with an optional QC type and legislation. */
    record QcStatement(String oid, String type, String legislation) implements CertificateCriteria {
        public QcStatement {
            Objects.requireNonNull(oid, "oid");
        }
    }
}
