package dev.sessionkit.config;

import java.util.StringJoiner;

/** Writes setting values back as text by key, for toString(); secrets come out as ****, URLs redacted. */
final class SettingsDescription {

    private SettingsDescription() {
    }

    static String describe(String name, SettingValues values) {
        StringJoiner out = new StringJoiner(", ", name + "[", "]");
        for (Setting<?> setting : values.catalog().settings()) {
            out.add(setting.key() + "=" + shown(setting, values));
        }
        return out.toString();
    }

    /** The value in setting syntax; a secret as **** (or "" when empty), any credential in other text masked. */
    private static <T> String shown(Setting<T> setting, SettingValues values) {
        String text = setting.text(values.get(setting));
        if (setting.isSecret()) {
            return text.isEmpty() ? "" : CredentialRedactor.MASK;
        }
        return CredentialRedactor.redactText(text);
    }
}
