package dev.sessionkit.cli;

import dev.sessionkit.config.SettingKey;
import dev.sessionkit.token.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every error line safe to show and log: one line, no token, no database password. Error messages can
 * echo what the operator typed (picocli's "Unknown option: '...'", a driver's "No suitable driver found for
 * &lt;url&gt;"), and that may be a token passed to the wrong command or a password. Immutable and thread-safe.
 */
final class Redactor {

    /** A word of exactly a token's length in the token alphabet: a token, or something that must be treated so. */
    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{" + SessionToken.LENGTH + "}(?![A-Za-z0-9_-])");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final String PASSWORD_OPTION = "--jdbc-password";

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Knows the passwords this run could have been given: on the command line and in the environment. */
    static Redactor of(String[] args, Map<String, String> env) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(PASSWORD_OPTION) && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            } else if (args[i].startsWith(PASSWORD_OPTION + "=")) {
                secrets.add(args[i].substring(PASSWORD_OPTION.length() + 1));
            }
        }
        String fromEnv = env.get(SettingKey.JDBC_PASSWORD.envName());
        if (fromEnv != null) {
            secrets.add(fromEnv);
        }
        secrets.removeIf(String::isEmpty);
        return new Redactor(secrets);
    }

    /** {@return the text on one line, with the passwords replaced by *** and token-shaped words by [token]} */
    String apply(String text) {
        String safe = text;
        for (String secret : secrets) {
            safe = safe.replace(secret, "***");
        }
        safe = TOKEN_SHAPED.matcher(safe).replaceAll(Matcher.quoteReplacement("[token]"));
        return LINE_BREAKS.matcher(safe).replaceAll(" ").strip();
    }
}
