package dev.sessionkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code sessionkit-bom} pins exactly Sessionkit's published modules, at the build's version, and nothing else. */
class BomTest {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> PUBLISHED = Set.of("session-core", "session-servlet", "session-jaxrs",
            "session-testing", "session-cli");

    @Test
    void bomWhenReadThenPinsEveryPublishedModuleAndNothingElse() throws Exception {
        String bom = Files.readString(ROOT.resolve("sessionkit-bom/pom.xml"));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
        Set<String> artifacts = new TreeSet<>();
        Matcher dependency = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)"
                + "</artifactId>\\s*<version>([^<]+)</version>").matcher(managed);
        while (dependency.find()) {
            assertEquals("dev.sessionkit", dependency.group(1), "only Sessionkit's own: " + dependency.group(2));
            assertEquals("${project.version}", dependency.group(3));
            artifacts.add(dependency.group(2));
        }

        assertEquals(new TreeSet<>(PUBLISHED), artifacts);
        assertTrue(!bom.contains("<parent>"), "no parent, so an import inherits no other pins");
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String version = root.replaceFirst("(?s).*?<artifactId>sessionkit-parent</artifactId>\\s*<version>([^<]+)"
                + "</version>.*", "$1");
        assertTrue(bom.contains("<version>" + version + "</version>"), "the BOM's version is the build's");
        assertTrue(root.contains("<module>sessionkit-bom</module>"), "built and installed with the rest");
    }
}
