package ee.allkiri.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The BOM manages exactly the published modules, at the project's version, and nothing else. */
class PublishedModulesTest {

    static final Path ROOT = Shared.root();

    @Test
    void theBomManagesEveryPublishedModuleAndNothingElse() throws Exception {
        List<String> artifacts = Poms.published(ROOT).stream().map(m -> "allkiri-" + m).toList();
        Element bom = Poms.read(ROOT.resolve("bom/pom.xml"));
        List<Element> managed = Poms.elements(Poms.element(Poms.element(bom, "dependencyManagement"), "dependencies"),
                "dependency");

        assertThat(managed).extracting(d -> Poms.child(d, "groupId")).containsOnly("ee.allkiri");
        assertThat(managed).extracting(d -> Poms.child(d, "artifactId")).containsExactlyInAnyOrderElementsOf(artifacts);
        assertThat(managed).extracting(d -> Poms.child(d, "version")).containsOnly("${allkiri.version}");
    }

    @Test
    void theBomHasTheProjectVersionAndNoParent() throws Exception {
        Element bom = Poms.read(ROOT.resolve("bom/pom.xml"));
        String version = Poms.child(Poms.read(ROOT.resolve("pom.xml")), "version");

        assertThat(Poms.element(bom, "parent")).as("a BOM with a parent would impose the parent's third-party versions")
                .isNull();
        assertThat(Poms.child(bom, "version")).isEqualTo(version);
        assertThat(Poms.child(Poms.element(bom, "properties"), "allkiri.version")).isEqualTo(version);
    }

    @Test
    void everyPublishedModuleIsNamedAfterItsFolder() throws Exception {
        for (String module : Poms.published(ROOT)) {
            assertThat(Poms.child(Poms.read(ROOT.resolve(module).resolve("pom.xml")), "artifactId"))
                    .isEqualTo("allkiri-" + module);
        }
    }
}
