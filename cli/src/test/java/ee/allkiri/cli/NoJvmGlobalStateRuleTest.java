package ee.allkiri.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.security.Provider;
import java.security.Security;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * allkiri's own code (every production module: core, ocsp, trustlist, asic, cli) never changes
 * JVM-wide state: no system or security properties, security providers, default locale or time
 * zone, networking or TLS defaults, default handlers, shutdown hooks, nor DSS's, Santuario's or
 * Bouncy Castle's global settings. (What DSS itself changes is measured in asic's
 * NoJvmGlobalChangeTest.) Checked on the compiled classes with ArchUnit.
 */
class NoJvmGlobalStateRuleTest {

    /** owner#method: every overload of each is forbidden. */
    static final Set<String> FORBIDDEN = Set.of(
            "java.lang.System#setProperty", "java.lang.System#setProperties", "java.lang.System#clearProperty",
            "java.lang.System#setOut", "java.lang.System#setErr", "java.lang.System#setIn",
            "java.lang.System#setSecurityManager",
            "java.security.Security#addProvider", "java.security.Security#insertProviderAt",
            "java.security.Security#removeProvider", "java.security.Security#setProperty",
            "java.security.Policy#setPolicy",
            "java.util.Locale#setDefault", "java.util.TimeZone#setDefault",
            "java.lang.Thread#setDefaultUncaughtExceptionHandler", "java.lang.Runtime#addShutdownHook",
            "java.net.URL#setURLStreamHandlerFactory", "java.net.URLConnection#setContentHandlerFactory",
            "java.net.URLConnection#setDefaultUseCaches", "java.net.URLConnection#setFileNameMap",
            "java.net.HttpURLConnection#setFollowRedirects", "java.net.Authenticator#setDefault",
            "java.net.CookieHandler#setDefault", "java.net.ProxySelector#setDefault", "java.net.ResponseCache#setDefault",
            "javax.net.ssl.HttpsURLConnection#setDefaultSSLSocketFactory",
            "javax.net.ssl.HttpsURLConnection#setDefaultHostnameVerifier", "javax.net.ssl.SSLContext#setDefault",
            "eu.europa.esig.dss.spi.DSSSecurityProvider#setSecurityProvider",
            "eu.europa.esig.dss.spi.DSSSecurityProvider#setAlternativeSecurityProviders",
            "eu.europa.esig.dss.spi.DSSSecurityProvider#initSystemProviders",
            "org.apache.xml.security.algorithms.JCEMapper#setProviderId",
            "org.apache.xml.security.algorithms.JCEMapper#register",
            "org.bouncycastle.crypto.CryptoServicesRegistrar#setSecureRandom",
            "org.bouncycastle.crypto.CryptoServicesRegistrar#setApprovedOnlyMode",
            "org.bouncycastle.crypto.CryptoServicesRegistrar#setThreadProperty",
            "org.bouncycastle.crypto.CryptoServicesRegistrar#setGlobalProperty");

    static final DescribedPredicate<JavaMethodCall> GLOBAL_CHANGE = DescribedPredicate.describe(
            "a method that changes JVM-wide state", call -> FORBIDDEN.contains(
                    call.getTargetOwner().getFullName() + "#" + call.getName()));

    static final ArchRule RULE = noClasses().that().resideInAPackage("ee.allkiri..")
            .and().resideOutsideOfPackages("ee.allkiri.testkit..", "ee.allkiri.bench..")
            .should().callMethodWhere(GLOBAL_CHANGE)
            .because("a library shares the JVM with its host: configuration belongs to the verifier, never the JVM");

    /** The production classes of every module on this class path (jars or class folders, never test classes). */
    private static JavaClasses production() {
        return new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar")
                        && !location.contains("testkit"))
                .importPackages("ee.allkiri");
    }

    @Test
    @DisplayName("no production class of any module calls an API that changes JVM-wide state")
    void noGlobalChange() {
        JavaClasses classes = production();

        Set<String> modules = classes.stream().map(c -> c.getPackageName().split("\\.")[2]).collect(Collectors.toSet());
        assertThat(modules).as("modules imported").contains("core", "ocsp", "trustlist", "asic", "cli");
        RULE.check(classes);
    }

    @Test
    @DisplayName("the rule catches a class that adds a security provider or sets a system property")
    void ruleCatchesAnOffender() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        assertThat(RULE.evaluate(offender).hasViolation()).isTrue();
    }

    /** What the rule forbids (never run). */
    static final class Offender {
        void configure(Provider provider) {
            Security.addProvider(provider);
            System.setProperty("org.bouncycastle.asn1.allow_unsafe_integer", "true");
        }
    }
}
