package ee.allkiri.core.internal;

import ee.allkiri.core.TokenType;
import java.util.List;

/**
 * Token type from Estonian certificate policy identifiers (prefix match; test certificates
 * may carry the same arcs under 2.999.). The ESTEID2018 arcs follow the CP of SK ID Solutions
 * and the DigiDoc4 client (1.1.x and 1.2.x are the same products from two card makers):
 *
 * <pre>
 * ID-card        1.3.6.1.4.1.51361.1.1, .1.2, .2.1 (other leaves)   1.3.6.1.4.1.51455.1.1, .1.2, .2.1 (diplomatic)
 *                1.3.6.1.4.1.10015.1.1   1.3.6.1.4.1.10015.3.1 (test)
 * Digi-ID        1.3.6.1.4.1.51361.1.1.3, .1.2.3   1.3.6.1.4.1.10015.1.2   1.3.6.1.4.1.10015.3.2 (test)
 * e-resident     1.3.6.1.4.1.51361.1.1.4, .1.2.4, .2.1.6
 * Mobile-ID      1.3.6.1.4.1.10015.1.3, .11.1, .18.1, .3.3 (test), .3.11 (test)
 * Smart-ID       1.3.6.1.4.1.10015.17
 * e-seal         1.3.6.1.4.1.10015.7, .2.1, .3.7 (test); ETSI QCP-l 0.4.0.194112.1.1, QCP-l-qscd 0.4.0.194112.1.3
 * </pre>
 *
 * <p>Before 2018 the e-resident digi-ID shared the digi-ID policy (1.3.6.1.4.1.10015.1.2, test
 * .3.2); its subject organisation tells it apart: {@code ESTEID (DIGI-ID E-RESIDENT)}. As
 * DigiDoc4 does, a digi-ID certificate whose organisation contains {@code E-RESIDENT} is an
 * e-resident digi-ID.
 */
final class TokenTypes {

    private record Rule(String prefix, TokenType type) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("1.3.6.1.4.1.51361.1.1.3", TokenType.DIGI_ID),
            new Rule("1.3.6.1.4.1.51361.1.2.3", TokenType.DIGI_ID),
            new Rule("1.3.6.1.4.1.51361.1.1.4", TokenType.E_RESIDENT_DIGI_ID),
            new Rule("1.3.6.1.4.1.51361.1.2.4", TokenType.E_RESIDENT_DIGI_ID),
            new Rule("1.3.6.1.4.1.51361.2.1.6", TokenType.E_RESIDENT_DIGI_ID),
            new Rule("1.3.6.1.4.1.51361.1.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.51361.1.2", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.51361.2.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.51455.1.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.51455.1.2", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.51455.2.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.10015.1.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.10015.3.1", TokenType.ID_CARD),
            new Rule("1.3.6.1.4.1.10015.1.2", TokenType.DIGI_ID),
            new Rule("1.3.6.1.4.1.10015.3.2", TokenType.DIGI_ID),
            new Rule("1.3.6.1.4.1.10015.1.3", TokenType.MOBILE_ID),
            new Rule("1.3.6.1.4.1.10015.11.1", TokenType.MOBILE_ID),
            new Rule("1.3.6.1.4.1.10015.18.1", TokenType.MOBILE_ID),
            new Rule("1.3.6.1.4.1.10015.3.3", TokenType.MOBILE_ID),
            new Rule("1.3.6.1.4.1.10015.3.11", TokenType.MOBILE_ID),
            new Rule("1.3.6.1.4.1.10015.17", TokenType.SMART_ID),
            new Rule("1.3.6.1.4.1.10015.7", TokenType.E_SEAL),
            new Rule("1.3.6.1.4.1.10015.2.1", TokenType.E_SEAL),
            new Rule("1.3.6.1.4.1.10015.3.7", TokenType.E_SEAL),
            new Rule("0.4.0.194112.1.1", TokenType.E_SEAL),
            new Rule("0.4.0.194112.1.3", TokenType.E_SEAL));

    private TokenTypes() {
    }

    /**
     * The first rule that matches any policy wins (rules are ordered most specific first).
     * A certificate with no recognised policy, no personal code and an organization is an e-seal.
     */
    static TokenType classify(List<String> policies, boolean hasPersonalCode, String organization) {
        for (Rule rule : RULES) {
            for (String oid : policies) {
                String plain = oid.startsWith("2.999.") ? oid.substring(6) : oid;
                if (plain.equals(rule.prefix()) || plain.startsWith(rule.prefix() + ".")) {
                    return rule.type() == TokenType.DIGI_ID && isEResident(organization)
                            ? TokenType.E_RESIDENT_DIGI_ID : rule.type();
                }
            }
        }
        if (!hasPersonalCode && organization != null) {
            return TokenType.E_SEAL;
        }
        return TokenType.UNKNOWN;
    }

    /** The pre-2018 e-resident digi-ID's subject organisation, {@code ESTEID (DIGI-ID E-RESIDENT)}. */
    private static boolean isEResident(String organization) {
        return organization != null && organization.toUpperCase(java.util.Locale.ROOT).contains("E-RESIDENT");
    }

    /** A TEST chain: a 2.999. policy, or an issuer named TEST of / Test / DEMO. */
    static boolean isTest(List<String> policies, String issuerCommonName) {
        if (policies.stream().anyMatch(p -> p.startsWith("2.999."))) {
            return true;
        }
        if (issuerCommonName == null) {
            return false;
        }
        String cn = issuerCommonName.trim();
        return cn.startsWith("TEST ") || cn.startsWith("TEST-") || cn.startsWith("Test ") || cn.startsWith("DEMO ");
    }
}
