package ee.allkiri.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every published jar (and the examples') names its module, so that module-path users get a
 * stable name: {@code ee.allkiri.<folder>}. Runs after package, in {@code mvn verify}.
 */
class PublishedJarsIT {

    @Test
    void everyJarHasItsAutomaticModuleName() throws Exception {
        Path root = Shared.root();
        String version = Shared.property("allkiri.version");
        for (String module : Poms.modules(root)) {
            if (module.equals("bom")) {
                continue; // a pom, no jar
            }
            Path jar = root.resolve(module).resolve("target").resolve("allkiri-" + module + "-" + version + ".jar");
            assertThat(jar).as(module).isRegularFile();
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(module)
                        .isEqualTo("ee.allkiri." + module);
            }
            ModuleReference reference = ModuleFinder.of(jar).findAll().iterator().next();
            assertThat(reference.descriptor().name()).as(module).isEqualTo("ee.allkiri." + module);
        }
    }
}
