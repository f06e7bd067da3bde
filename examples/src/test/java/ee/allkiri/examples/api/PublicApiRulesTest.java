package ee.allkiri.examples.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import ee.allkiri.examples.Poms;
import ee.allkiri.examples.Shared;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ArchUnit rules on what the published modules show their users: no public type outside an
 * {@code internal} package exposes a DSS ({@code eu.europa.esig}) or Bouncy Castle
 * ({@code org.bouncycastle}) type in a public or protected signature (supertypes, type parameter
 * bounds, fields, constructors and methods with their parameters, results and exceptions); and the
 * examples, which use allkiri as its users do, depend on no {@code internal} package.
 *
 * <p>One named exception: the testkit's forging services ({@link #TESTKIT_FORGES}) take and give
 * Bouncy Castle's OCSP, TSP and algorithm types, because they exist to build hostile ASN.1 for
 * tests; the testkit is a test-scope artifact, and DSS stays forbidden there too.
 */
public class PublicApiRulesTest {

    static final String DSS = "eu.europa.esig.";
    static final String BOUNCY_CASTLE = "org.bouncycastle.";

    /** Testkit types that may show Bouncy Castle (never DSS) types: a reviewed decision, one type at a time. */
    static final Set<String> TESTKIT_FORGES = Set.of("ee.allkiri.testkit.pki.KeySigner", "ee.allkiri.testkit.pki.KeyType",
            "ee.allkiri.testkit.service.OcspResponder", "ee.allkiri.testkit.service.OcspResponder$Single",
            "ee.allkiri.testkit.service.OcspResponder$ResponseBuilder", "ee.allkiri.testkit.service.TimeStampAuthority");

    /** Public, or a public or protected member of such a type, outside internal packages. */
    static final DescribedPredicate<JavaClass> API = DescribedPredicate.describe("are public API", PublicApiRulesTest::isApi);

    static final ArchCondition<JavaClass> EXPOSE_NO_FOREIGN_TYPE = new ArchCondition<>(
            "expose no DSS or Bouncy Castle type in a public or protected signature") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            for (String exposure : foreignExposures(type)) {
                events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes " + exposure));
            }
        }
    };

    static ArchRule noForeignTypesIn(DescribedPredicate<JavaClass> scope) {
        return classes().that(API).and(scope).should(EXPOSE_NO_FOREIGN_TYPE)
                .because("DSS and Bouncy Castle are implementation details: a user must be able to upgrade them, and"
                        + " allkiri to replace them, without a breaking change");
    }

    static final ArchRule EXAMPLES_USE_NO_INTERNALS = noClasses().that().resideInAPackage("ee.allkiri.examples..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .because("the examples use allkiri as its users do: through the public API");

    @Test
    @DisplayName("no public type of a published module exposes a DSS or Bouncy Castle type")
    void theApiExposesNoDssOrBouncyCastle() throws Exception {
        List<String> modules = Poms.published(Shared.root());
        JavaClasses production = ApiDump.production();
        DescribedPredicate<JavaClass> published = DescribedPredicate.describe("are in a published module",
                c -> ApiDump.module(c, modules).isPresent());

        Set<String> seen = production.stream().filter(published).map(c -> ApiDump.module(c, modules).orElseThrow())
                .collect(Collectors.toSet());
        assertThat(seen).as("modules imported").containsExactlyInAnyOrderElementsOf(modules);
        noForeignTypesIn(published).check(production);
    }

    @Test
    @DisplayName("the examples (main and test classes) use no internal package")
    void theExamplesUseNoInternals() {
        JavaClasses examples = new ClassFileImporter()
                .withImportOption(location -> !location.contains("PublicApiRulesTest")) // its offenders are meant to fail
                .importPackages("ee.allkiri.examples");

        assertThat(examples.stream().map(JavaClass::getName)).contains("ee.allkiri.examples.QuickStart",
                "ee.allkiri.examples.petition.PetitionServiceTest");
        EXAMPLES_USE_NO_INTERNALS.check(examples);
    }

    @Test
    @DisplayName("the rules catch a public type that returns a DSS document or extends a Bouncy Castle type, and an example using internals")
    void theRulesCatchOffenders() {
        JavaClasses offenders = new ClassFileImporter().importClasses(DssOffender.class, BouncyCastleOffender.class, InternalUser.class, Fine.class);

        assertThat(foreignExposures(offenders.get(DssOffender.class))).hasSize(2);
        assertThat(foreignExposures(offenders.get(BouncyCastleOffender.class))).hasSize(1);
        assertThat(foreignExposures(offenders.get(Fine.class))).isEmpty();
        assertThat(noForeignTypesIn(DescribedPredicate.alwaysTrue()).evaluate(offenders).hasViolation()).isTrue();
        assertThat(EXAMPLES_USE_NO_INTERNALS.evaluate(offenders).hasViolation()).isTrue();
    }

    static boolean isApi(JavaClass type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.getModifiers().contains(JavaModifier.SYNTHETIC)
                || Arrays.asList(type.getPackageName().split("\\.")).contains("internal")) {
            return false;
        }
        if (type.getEnclosingClass().isEmpty()) {
            return type.getModifiers().contains(JavaModifier.PUBLIC);
        }
        return (type.getModifiers().contains(JavaModifier.PUBLIC) || type.getModifiers().contains(JavaModifier.PROTECTED))
                && isApi(type.getEnclosingClass().get());
    }

    /** Each place where the type shows a DSS or Bouncy Castle type to its users. */
    static List<String> foreignExposures(JavaClass type) {
        List<String> out = new ArrayList<>();
        boolean forge = TESTKIT_FORGES.contains(type.getName());
        type.getSuperclass().ifPresent(s -> foreign(s, "its superclass", out, forge));
        type.getInterfaces().forEach(i -> foreign(i, "an interface", out, forge));
        type.getTypeParameters().forEach(p -> foreign(p, "a type parameter", out, forge));
        for (JavaField field : type.getFields()) {
            if (visible(field.getModifiers())) {
                foreign(field.getType(), "field " + field.getName(), out, forge);
            }
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            if (!visible(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                    || unit.getModifiers().contains(JavaModifier.BRIDGE) || unit.getName().equals("<clinit>")) {
                continue;
            }
            String where = unit.getName() + "(...)";
            foreign(unit.getReturnType(), "the result of " + where, out, forge);
            unit.getParameterTypes().forEach(p -> foreign(p, "a parameter of " + where, out, forge));
            unit.getTypeParameters().forEach(p -> foreign(p, "a type parameter of " + where, out, forge));
            unit.getThrowsClause().getTypes().forEach(t -> foreign(t, "an exception of " + where, out, forge));
        }
        return out;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void foreign(JavaType type, String where, List<String> out, boolean forge) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (raw.getName().startsWith(DSS) || (!forge && raw.getName().startsWith(BOUNCY_CASTLE))) {
                out.add(raw.getName() + " in " + where);
            }
        }
    }

    /** What the rule forbids (never run). */
    public static final class DssOffender {
        public eu.europa.esig.dss.model.DSSDocument document() {
            return null;
        }

        public void take(java.util.List<eu.europa.esig.dss.model.DSSDocument> documents) {
        }
    }

    /** What the rule forbids (never run). */
    public abstract static class BouncyCastleOffender extends org.bouncycastle.asn1.ASN1Object {
    }

    /** What the examples rule forbids (never run). */
    static final class InternalUser {
        Object reader() {
            return new ee.allkiri.asic.internal.container.ContainerReader(ee.allkiri.asic.ContainerLimits.DEFAULT);
        }
    }

    /** What the rule allows: foreign types in private code only (never run). */
    public static final class Fine {
        private eu.europa.esig.dss.model.DSSDocument hidden;

        public String name() {
            return hidden == null ? null : hidden.getName();
        }
    }
}
