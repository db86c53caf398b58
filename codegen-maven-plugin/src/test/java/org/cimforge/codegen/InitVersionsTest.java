package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The plugin versions a project written by {@code init} builds with (init's versions.properties) are the ones the
 * root pom pins for this reactor, so the two never drift apart; JUnit comes from the root pom by filtering.
 */
class InitVersionsTest {
    @Test
    void initBuildsWithTheVersionsTheRootPomPins() throws Exception {
        Properties versions = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/cimforge/codegen/init/versions.properties")) {
            versions.load(in);
        }
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("../pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        for (String name : versions.stringPropertyNames()) {
            if (name.equals("junit")) {
                assertThat(versions.getProperty(name))
                        .isEqualTo(xpath.evaluate("/*[local-name()='project']/*[local-name()='properties']"
                                + "/*[local-name()='junit.version']", pom));
                continue;
            }
            String pinned = xpath.evaluate("//*[local-name()='pluginManagement']//*[local-name()='plugin']"
                    + "[*[local-name()='artifactId']='" + name + "']/*[local-name()='version']", pom);
            assertThat(versions.getProperty(name)).as(name).isEqualTo(pinned).isNotBlank();
        }
        assertThat(versions.stringPropertyNames()).contains("junit", "maven-shade-plugin", "maven-surefire-plugin");
    }
}
