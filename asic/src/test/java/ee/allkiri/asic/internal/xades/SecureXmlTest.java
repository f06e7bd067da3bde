package ee.allkiri.asic.internal.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** One builder per thread, reused: it keeps refusing what it refused on first use, whatever was parsed before. */
class SecureXmlTest {

    private static final String DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
    private static final String EXTERNAL = "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>";
    private static final String INCLUDE = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\"/></a>";

    @Test
    void aReusedBuilderStillRefusesDoctypesAndDepthAndReadsNamespaces() throws SAXException {
        SecureXml xml = new SecureXml(5);
        for (int round = 0; round < 3; round++) {
            assertThat(xml.parse(bytes("<p:a xmlns:p=\"urn:x\"><p:b/></p:a>")).getDocumentElement().getNamespaceURI())
                    .isEqualTo("urn:x");
            assertThatThrownBy(() -> xml.parse(bytes(DOCTYPE))).isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> xml.parse(bytes(EXTERNAL))).isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> xml.parse(bytes("<a><a><a><a><a><a/></a></a></a></a></a>"))).isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> xml.parse(bytes("<a><b></a>"))).isInstanceOf(SAXException.class);
            assertThat(xml.parse(bytes(INCLUDE)).getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength())
                    .as("XInclude is not processed").isEqualTo(1);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
