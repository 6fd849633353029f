package dev.sessionkit.config;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Hostile setting text and the sources it can arrive through, shared by the garbage-input tests of every owner of
 * settings (core's here, session-servlet's web settings).
 */
public final class HostileSettingText {

    /** Text no setting accepts as it is, or accepts only as plain text: blanks, controls, huge, injection. */
    public static final List<String> VALUES = List.of(
            "", " ", "\t\n\r", "\u0000", "a\u0000b", "x".repeat(10_240), "9".repeat(10_240), "/".repeat(10_240),
            "\uD800", "\uDC00x", "\uD83D\uDE00", "\uD83D\uDE42".repeat(5_000), "\u202Eevil", "\u200B", "\uFEFF30m",
            "\uFF30\uFF34\uFF13\uFF10\uFF2D", "\u0663\u0660m", "\u0130", "\u00DF", "\u0131dle", "PT30M\n",
            "30m\r\nX-Injected: 1", "%s%n%d", "${jndi:ldap://x/a}", "'; DROP TABLE sessionkit_session; --",
            "NaN", "-0", "0x10", "1e3", "Infinity", "PT", "P", "-", "+", "::", ":::", "/", "*", "/*", ",,,",
            ", , ,", "true\u0000", "TRUE", "null", "\\", "\\u0000", "\"quoted\"", "10.0.0.0/8,,::1,",
            "1".repeat(30) + "d", "PT" + "9".repeat(30) + "S", "-" + "9".repeat(30), "2147483648", "-2147483649",
            "__Host-", "=", "a=b;c", "<script>alert(1)</script>", "../../etc/passwd", "C:\\x\\y.mmdb",
            "jdbc:", "jdbc:\u0000", "\u00A0", "\u3000", "\u2028", "\u0085");

    /** Each kind of source a value can arrive from, built from a key-to-text map. */
    public static final Map<String, Function<Map<String, String>, SettingSource>> SOURCES = Map.of(
            "init-param", m -> SettingSource.of("init-param", m),
            "context-param", m -> SettingSource.shared("context-param", m),
            "properties", m -> {
                Properties p = new Properties();
                p.putAll(m);
                return SettingSource.properties(p);
            });

    private HostileSettingText() {
    }
}
