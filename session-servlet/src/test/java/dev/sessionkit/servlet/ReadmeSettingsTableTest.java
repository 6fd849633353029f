package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingsDocumentation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's settings table equal to the one generated from both owners' setting definitions. */
class ReadmeSettingsTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- settings:start -->";
    private static final String END = "<!-- settings:end -->";

    @Test
    void readmeWhenBuiltThenSettingsSectionEqualsGeneratedTable() throws IOException {
        String expected = SettingsDocumentation.markdownTable(SettingKey.ALL.and(WebSettingKey.ALL));
        String fix = "\nReplace the README section between " + START + " and " + END + " with:\n\n" + expected;
        assertTrue(Files.isRegularFile(README), README.toAbsolutePath() + " is missing." + fix);
        String readme = Files.readString(README, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md lacks the markers " + START + " ... " + END + "." + fix);
        String section = readme.substring(start + START.length(), end).strip();
        assertEquals(expected.strip(), section, "The README settings table is out of date." + fix);
    }
}
