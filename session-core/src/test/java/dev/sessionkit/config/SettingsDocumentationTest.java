package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsDocumentationTest {

    @Test
    void markdownTableWhenGeneratedThenHeaderAndOneRowPerKeyInOrder() {
        List<String> lines = SettingsDocumentation.markdownTable().lines().toList();
        assertEquals("| key | default | env variable | meaning |", lines.get(0));
        assertEquals("|---|---|---|---|", lines.get(1));
        assertEquals(2 + SettingKey.values().length, lines.size());
        for (SettingKey key : SettingKey.values()) {
            String row = lines.get(2 + key.ordinal());
            assertTrue(row.startsWith("| `" + key.key() + "` | " + key.documentedDefault() + " | `" + key.envName()
                    + "` | "), row);
            assertEquals(5, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
        }
        assertTrue(SettingsDocumentation.markdownTable().endsWith("|\n"));
    }
}
