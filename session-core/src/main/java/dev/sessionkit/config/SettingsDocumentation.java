package dev.sessionkit.config;

/**
 * Generates operator documentation from setting definitions, so the README cannot drift from the code: a test
 * compares the README's settings section with the table of every owner's catalog. Stateless and thread-safe.
 */
public final class SettingsDocumentation {

    private SettingsDocumentation() {
    }

    /**
     * Returns a README settings table: one row per setting, in catalog order, with the columns key, default, env
     * variable and meaning.
     *
     * @param catalog the settings to list, e.g. core's joined with the web module's
     * @return a GitHub-flavoured Markdown table, lines ending in {@code \n}, the last one included; never null
     */
    public static String markdownTable(SettingCatalog catalog) {
        StringBuilder out = new StringBuilder("| key | default | env variable | meaning |\n|---|---|---|---|\n");
        for (Setting<?> key : catalog.settings()) {
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
