package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsDocumentationTest {

    @Test
    void markdownTableWhenGeneratedThenHeaderAndOneRowPerKeyInOrder() {
        List<String> lines = SettingsDocumentation.markdownTable(SettingKey.ALL).lines().toList();
        assertEquals("| key | default | env variable | meaning |", lines.get(0));
        assertEquals("|---|---|---|---|", lines.get(1));
        List<Setting<?>> keys = SettingKey.ALL.settings();
        assertEquals(2 + keys.size(), lines.size());
        for (int i = 0; i < keys.size(); i++) {
            Setting<?> key = keys.get(i);
            String row = lines.get(2 + i);
            assertTrue(row.startsWith("| `" + key.key() + "` | " + key.documentedDefault() + " | `" + key.envName()
                    + "` | "), row);
            assertEquals(5, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
        }
        assertTrue(SettingsDocumentation.markdownTable(SettingKey.ALL).endsWith("|\n"));
        assertEquals("| key | default | env variable | meaning |\n|---|---|---|---|\n",
                SettingsDocumentation.markdownTable(SettingCatalog.empty()));
    }
}
