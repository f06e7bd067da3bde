package ee.allkiri.asic.hostile;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TimeZone;
import javax.net.ssl.HttpsURLConnection;

/**
 * The JVM-wide settings a library could change: security providers and properties, system
 * properties, default locale and time zone, networking and TLS defaults, the default
 * uncaught-exception handler, and Santuario's JCE provider id (read by reflection, so taking
 * a snapshot loads no XML security class). {@link #diff} names every difference.
 */
record JvmState(List<String> providers, Map<String, String> systemProperties, Map<String, String> securityProperties,
                String locale, String timeZone, Map<String, String> defaults) {

    /** Security properties a library might plausibly set; the list cannot be enumerated. */
    private static final List<String> SECURITY_KEYS = List.of("securerandom.source", "securerandom.strongAlgorithms",
            "jdk.certpath.disabledAlgorithms", "jdk.tls.disabledAlgorithms", "jdk.jar.disabledAlgorithms",
            "jdk.security.provider.preferred", "ocsp.enable", "ocsp.responderURL", "crypto.policy",
            "keystore.type", "networkaddress.cache.ttl", "jdk.xml.dsig.secureValidationPolicy");

    static JvmState take() {
        String timeZone = TimeZone.getDefault().getID(); // first: the JDK sets user.timezone when it first looks it up
        List<String> providers = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
        Map<String, String> system = new TreeMap<>();
        System.getProperties().forEach((k, v) -> system.put(String.valueOf(k), String.valueOf(v)));
        Map<String, String> security = new TreeMap<>();
        for (String key : SECURITY_KEYS) {
            security.put(key, String.valueOf(Security.getProperty(key)));
        }
        Map<String, String> defaults = new TreeMap<>();
        defaults.put("Authenticator", identity(Authenticator.getDefault()));
        defaults.put("CookieHandler", identity(CookieHandler.getDefault()));
        defaults.put("ProxySelector", identity(ProxySelector.getDefault()));
        defaults.put("ResponseCache", identity(ResponseCache.getDefault()));
        defaults.put("HttpURLConnection.followRedirects", String.valueOf(HttpURLConnection.getFollowRedirects()));
        defaults.put("HttpsURLConnection.hostnameVerifier", identity(HttpsURLConnection.getDefaultHostnameVerifier()));
        defaults.put("HttpsURLConnection.socketFactory", identity(HttpsURLConnection.getDefaultSSLSocketFactory()));
        defaults.put("Thread.defaultUncaughtExceptionHandler", identity(Thread.getDefaultUncaughtExceptionHandler()));
        defaults.put("Locale.FORMAT", Locale.getDefault(Locale.Category.FORMAT).toLanguageTag());
        defaults.put("Locale.DISPLAY", Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
        defaults.put("Santuario JCEMapper.providerId", santuarioProviderId());
        return new JvmState(providers, system, security, Locale.getDefault().toLanguageTag(), timeZone, defaults);
    }

    /** Every difference from {@code before} to this, one line each, e.g. {@code provider+ BC at 13}. */
    List<String> diff(JvmState before) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            if (!before.providers.contains(providers.get(i))) {
                out.add("provider+ " + providers.get(i) + " at " + (i + 1) + " of " + providers.size());
            }
        }
        before.providers.stream().filter(p -> !providers.contains(p)).forEach(p -> out.add("provider- " + p));
        if (out.isEmpty() && !before.providers.equals(providers)) {
            out.add("providers reordered: " + providers);
        }
        changes("system property", before.systemProperties, systemProperties, out);
        changes("security property", before.securityProperties, securityProperties, out);
        changes("default", before.defaults, defaults, out);
        if (!before.locale.equals(locale)) {
            out.add("default locale " + before.locale + " -> " + locale);
        }
        if (!before.timeZone.equals(timeZone)) {
            out.add("default time zone " + before.timeZone + " -> " + timeZone);
        }
        return out;
    }

    private static void changes(String what, Map<String, String> before, Map<String, String> after, List<String> out) {
        for (var e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                out.add(what + " " + e.getKey() + ": " + before.get(e.getKey()) + " -> " + e.getValue());
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> out.add(what + " " + k + " removed"));
    }

    private static String identity(Object o) {
        return o == null ? "null" : o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
    }

    private static String santuarioProviderId() {
        try {
            Class<?> mapper = Class.forName("org.apache.xml.security.algorithms.JCEMapper", false,
                    JvmState.class.getClassLoader());
            var field = mapper.getDeclaredField("globalProviderName");
            field.setAccessible(true);
            return String.valueOf(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unreadable: " + e;
        }
    }
}
