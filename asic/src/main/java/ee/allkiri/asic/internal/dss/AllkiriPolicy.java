package ee.allkiri.asic.internal.dss;

import eu.europa.esig.dss.enumerations.Level;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.Algo;
import eu.europa.esig.dss.policy.jaxb.AlgoExpirationDate;
import eu.europa.esig.dss.policy.jaxb.BasicSignatureConstraints;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import eu.europa.esig.dss.policy.jaxb.CryptographicConstraint;
import eu.europa.esig.dss.policy.jaxb.LevelConstraint;
import eu.europa.esig.dss.policy.jaxb.MultiValuesConstraint;
import java.io.InputStream;

/**
 * The DSS validation policy allkiri runs: DSS's default ETSI policy with these deliberate
 * changes, each for a reason stated here.
 *
 * <ul>
 *   <li>SHA-1 in the signer's own signature value and reference digests is acceptable for
 *       signatures proven to exist before 2020-01-01, when chosen-prefix collisions on SHA-1
 *       became practical (Leurent and Peyrin, "SHA-1 is a Shambles"); DSS's default expires
 *       it in 2012.</li>
 *   <li>SHA-1 in the signatures of certification authorities, OCSP responders and
 *       time-stamping authorities (on certificates, responses and tokens they issued) does not
 *       expire. Those objects were issued by the authority, not chosen by an attacker, and an
 *       LT signature of 2014 whose time-stamp and OCSP response are SHA-1 signed has no
 *       later evidence to lean on; DSS's default would reject every such signature today.</li>
 *   <li>An OCSP responder certificate that has expired since it signed the response is
 *       accepted (DSS's RevocationIssuerNotExpired): the response was checked to have been
 *       produced inside the responder's validity, and an LT signature carries no later
 *       evidence; Estonian practice (digidoc4j, SiVa) keeps such signatures valid.</li>
 *   <li>The signer's nonRepudiation key usage is checked by allkiri's own rule (its own
 *       finding code), so DSS's check is switched off here rather than reported twice.</li>
 * </ul>
 *
 * {@link #timeMark()} is the same policy for BDOC time-mark (LT_TM) signatures, with one more
 * change: the claimed signing time need not lie within the signer certificate's validity
 * (DSS's SigningTimeInCertRange is informational). DSS validates such a signature at its
 * time-mark, which proves the signing time, so the certificate is judged there; the claim is
 * allkiri's own warning ({@code SIGNING_TIME_OUTSIDE_CERTIFICATE}), as SiVa decides old
 * ESTEID-SK 2007 time-mark signatures.
 *
 * The result is immutable in use: DSS only reads it.
 */
public final class AllkiriPolicy {

    private AllkiriPolicy() {
    }

    /** Builds the DSS policy for the verification policy, from DSS's default. */
    public static ValidationPolicy create(ee.allkiri.asic.VerificationPolicy rules) {
        return new EtsiValidationPolicy(constraints(rules, false));
    }

    /** The policy for BDOC time-mark signatures: {@link #create}'s, the claimed signing time informational. */
    public static ValidationPolicy timeMark(ee.allkiri.asic.VerificationPolicy rules) {
        return new EtsiValidationPolicy(constraints(rules, true));
    }

    /** The DSS constraints of {@link #create} (or {@link #timeMark}), for inspection (the tripwire test compares them with the fast path's gates). */
    public static ConstraintsParameters constraints(ee.allkiri.asic.VerificationPolicy rules, boolean timeMark) {
        try (InputStream in = ValidationPolicyFacade.class.getResourceAsStream("/policy/constraint.xml")) {
            if (in == null) {
                throw new IllegalStateException("DSS default validation policy not on the class path");
            }
            ConstraintsParameters policy = ValidationPolicyFacade.newFacade().unmarshall(in);
            policy.setName(rules.name() + " (DSS default with allkiri changes)");
            CryptographicConstraint global = policy.getCryptographic();
            AlgoExpirationDate signerExpiry = copy(global.getAlgoExpirationDate());
            setSha1(global.getAlgoExpirationDate(), null);
            setSha1(signerExpiry, rules.sha1SignatureUntil().toString().substring(0, 10));
            BasicSignatureConstraints basic = policy.getSignatureConstraints().getBasicSignatureConstraints();
            basic.getCryptographic().setAlgoExpirationDate(signerExpiry);
            basic.getSigningCertificate().getCryptographic().setAlgoExpirationDate(copy(global.getAlgoExpirationDate()));
            basic.getCACertificate().getCryptographic().setAlgoExpirationDate(copy(global.getAlgoExpirationDate()));
            ignore(basic.getSigningCertificate().getKeyUsage());
            inform(basic.getSigningCertificate().getRevocationIssuerNotExpired());
            MultiValuesConstraint critical = basic.getSigningCertificate().getSupportedCriticalExtensions();
            critical.getId().clear();
            critical.getId().addAll(rules.supportedCriticalExtensions().stream().sorted().toList());
            if (timeMark) {
                inform(policy.getSignatureConstraints().getSignedAttributes().getSigningTimeInCertRange());
                policy.setName(policy.getName() + ", time-mark");
            }
            return policy;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the validation policy", e);
        }
    }

    private static void setSha1(AlgoExpirationDate expiry, String date) {
        for (Algo algo : expiry.getAlgos()) {
            if ("SHA1".equals(algo.getValue())) {
                algo.setDate(date);
            }
        }
    }

    private static AlgoExpirationDate copy(AlgoExpirationDate source) {
        AlgoExpirationDate copy = new AlgoExpirationDate();
        copy.setFormat(source.getFormat());
        copy.setUpdateDate(source.getUpdateDate());
        copy.setLevelAfterUpdate(source.getLevelAfterUpdate());
        copy.setLevel(source.getLevel());
        for (Algo algo : source.getAlgos()) {
            Algo a = new Algo();
            a.setValue(algo.getValue());
            a.setSize(algo.getSize());
            a.setDate(algo.getDate());
            copy.getAlgos().add(a);
        }
        return copy;
    }

    private static void inform(LevelConstraint constraint) {
        if (constraint != null) {
            constraint.setLevel(Level.INFORM);
        }
    }

    private static void ignore(LevelConstraint constraint) {
        if (constraint != null) {
            constraint.setLevel(Level.IGNORE);
        }
    }
}
