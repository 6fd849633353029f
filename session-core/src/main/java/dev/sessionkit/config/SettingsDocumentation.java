package dev.sessionkit.config;

/**
 * Generates operator documentation from {@link SettingKey}, so the README cannot drift from the code: a test
 * compares the README's settings section with {@link #markdownTable()}. Stateless and thread-safe.
 */
public final class SettingsDocumentation {

    private SettingsDocumentation() {
    }

    /**
     * Returns the README settings table: one row per {@link SettingKey}, in declaration order, with the columns
     * key, default, env variable and meaning.
     *
     * @return a GitHub-flavoured Markdown table, lines ending in {@code \n}, the last one included; never null
     */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| key | default | env variable | meaning |\n|---|---|---|---|\n");
        for (SettingKey key : SettingKey.values()) {
            out.append("| `").append(key.key()).append("` | ")
                    .append(cell(key.documentedDefault())).append(" | `")
                    .append(key.envName()).append("` | ")
                    .append(cell(key.description())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
