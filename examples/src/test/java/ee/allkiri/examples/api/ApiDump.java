package ee.allkiri.examples.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public API of each published module, one line per public type and per public or
 * protected member, read by reflection from the compiled classes: a type is API when it is
 * public (a nested one public or protected, inside an API type) and its package is not an
 * {@code internal} one. Lines are sorted, so that a change to the API is a small diff.
 */
final class ApiDump {

    private static final Pattern MEMBER = Pattern.compile("^\\S+ (field|constructor|method) ");

    private ApiDump() {
    }

    /** The production classes of allkiri on the class path (class folders or jars, never test classes). */
    static JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ee.allkiri");
    }

    /** Which module a class was compiled into, from where it was loaded: {@code <module>/target/...}. */
    static Optional<String> module(JavaClass type, List<String> modules) {
        String location = type.getSource().map(s -> s.getUri().toString()).orElse("");
        Matcher m = Pattern.compile("/(" + String.join("|", modules) + ")/target/").matcher(location);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a type is API: public (or a public or protected member of an API type) and not in an internal package. */
    static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()
                || Arrays.asList(type.getPackageName().split("\\.")).contains("internal")) {
            return false;
        }
        if (type.getEnclosingClass() == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return (Modifier.isPublic(type.getModifiers()) || Modifier.isProtected(type.getModifiers()))
                && isApi(type.getEnclosingClass());
    }

    /** The API lines of every published module, by module. */
    static Map<String, List<String>> dump(List<String> modules) throws ClassNotFoundException {
        Map<String, List<String>> out = new TreeMap<>();
        modules.forEach(m -> out.put(m, new ArrayList<>()));
        ClassLoader loader = ApiDump.class.getClassLoader();
        for (JavaClass javaClass : production()) {
            Optional<String> module = module(javaClass, modules);
            if (module.isEmpty()) {
                continue;
            }
            Class<?> type = Class.forName(javaClass.getName(), false, loader);
            if (isApi(type)) {
                out.get(module.get()).addAll(lines(type));
            }
        }
        out.values().forEach(lines -> lines.sort(ORDER));
        return out;
    }

    /** By type; each type's own line first, then its members. */
    static final Comparator<String> ORDER = Comparator.<String, String>comparing(line -> line.substring(0, line.indexOf(' ')))
            .thenComparing(line -> MEMBER.matcher(line).find())
            .thenComparing(Comparator.naturalOrder());


    /** The type's line and one line per public or protected member it declares. */
    static List<String> lines(Class<?> type) {
        String name = type.getTypeName();
        List<String> lines = new ArrayList<>();
        lines.add(name + " " + declaration(type));
        for (Field f : type.getDeclaredFields()) {
            if (visible(f)) {
                lines.add(name + " field " + strip(f.toGenericString(), name + "." + f.getName(), f.getName()));
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c)) {
                lines.add(name + " constructor " + strip(c.toGenericString(), name + "(", "<init>("));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isBridge()) {
                lines.add(name + " method " + strip(m.toGenericString(), name + "." + m.getName() + "(", m.getName() + "("));
            }
        }
        return lines;
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static String strip(String signature, String qualified, String plain) {
        return signature.replace(qualified, plain);
    }

    private static String declaration(Class<?> type) {
        int modifiers = type.getModifiers() & Modifier.classModifiers();
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isInterface()) {
            kind = "interface";
            modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isEnum()) {
            kind = "enum";
            modifiers &= ~(Modifier.FINAL | Modifier.STATIC);
        } else if (type.isRecord()) {
            kind = "record";
            modifiers &= ~(Modifier.FINAL | Modifier.STATIC);
        } else {
            kind = "class";
        }
        StringBuilder sb = new StringBuilder(Modifier.toString(modifiers));
        if (type.isSealed()) {
            sb.append(" sealed");
        }
        sb.append(sb.length() == 0 ? "" : " ").append(kind);
        TypeVariable<?>[] parameters = type.getTypeParameters();
        if (parameters.length > 0) {
            sb.append(Arrays.stream(parameters).map(ApiDump::typeParameter).collect(Collectors.joining(",", "<", ">")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            sb.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            sb.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            sb.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getTypeName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String typeParameter(TypeVariable<?> variable) {
        List<String> bounds = Arrays.stream(variable.getBounds()).filter(b -> b != Object.class).map(Type::getTypeName).toList();
        return variable.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
    }
}
