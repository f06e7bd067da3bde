package ee.allkiri.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's project that imports the BOM and depends on {@code allkiri-asic} alone compiles the
 * README's embedding example unchanged. The build installs the BOM and allkiri-asic (with the
 * modules it depends on) into a throwaway local repository under {@code target/}; everything
 * else comes from the developer's local repository through a {@code file:} mirror, so the check
 * needs no network and never writes to {@code ~/.m2}. Runs in {@code mvn verify}, after package.
 */
class ReadmeEmbeddingIT {

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>petition-site</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>ee.allkiri</groupId>
                    <artifactId>allkiri-bom</artifactId>
                    <version>@VERSION@</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>ee.allkiri</groupId>
                  <artifactId>allkiri-asic</artifactId>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>maven-resources-plugin</artifactId>
                    <version>3.3.1</version>
                  </plugin>
                  <plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.13.0</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    static final String SETTINGS = """
            <settings>
              <mirrors>
                <mirror>
                  <id>seed</id>
                  <mirrorOf>*</mirrorOf>
                  <url>@SEED@</url>
                </mirror>
              </mirrors>
            </settings>
            """;

    @Test
    void aProjectOnTheBomAndAllkiriAsicCompilesTheReadmeExample() throws Exception {
        String version = Shared.property("allkiri.version");
        Path userRepo = Path.of(Shared.property("allkiri.userRepo"));
        Path project = Shared.root().resolve("examples/target/user-project");
        Path source = project.resolve("src/main/java/ee/allkiri/examples/QuickStart.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, Readme.embeddingExample(), StandardCharsets.UTF_8);
        Files.writeString(project.resolve("pom.xml"), POM.replace("@VERSION@", version), StandardCharsets.UTF_8);
        Files.writeString(project.resolve("settings.xml"),
                SETTINGS.replace("@SEED@", Path.of(Shared.property("allkiri.seedRepo")).toUri().toString()),
                StandardCharsets.UTF_8);

        Path mvn = Path.of(Shared.property("allkiri.mavenHome"), "bin", "mvn");
        Process process = new ProcessBuilder(mvn.toString(), "-B", "-q", "-s", "settings.xml",
                "-Dmaven.repo.local=" + userRepo, "compile")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(project.resolve("target/classes/ee/allkiri/examples/QuickStart.class")).isRegularFile();
        for (String module : List.of("core", "ocsp", "trustlist", "asic")) {
            Path used = userRepo.resolve("ee/allkiri/allkiri-" + module + "/" + version + "/allkiri-" + module + "-" + version + ".jar");
            Path built = Shared.root().resolve(module + "/target/allkiri-" + module + "-" + version + ".jar");
            assertThat(used).as("the user project resolved this build's " + module).hasSameBinaryContentAs(built);
        }
        for (String module : List.of("cli", "assertj", "testkit")) {
            assertThat(userRepo.resolve("ee/allkiri/allkiri-" + module)).as("allkiri-asic does not drag in " + module)
                    .doesNotExist();
        }
    }
}
