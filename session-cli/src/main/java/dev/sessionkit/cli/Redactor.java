package dev.sessionkit.cli;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.token.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every error line safe to show and log: one line, no token, no credential. Error messages can echo what the
 * operator typed (picocli's "Unknown options: '...'", a driver's "No suitable driver found for &lt;url&gt;"), and
 * that may be a token passed to the wrong command, a password, or a JDBC URL carrying one. Credentials go through
 * Sessionkit's one {@link CredentialRedactor}, which here also knows every password and URL this run was given.
 * Immutable and thread-safe.
 */
final class Redactor {

    /** A word of exactly a token's length in the token alphabet: a token, or something that must be treated so. */
    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{" + SessionToken.LENGTH + "}(?![A-Za-z0-9_-])");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final String PASSWORD_OPTION = "--jdbc-password";
    private static final String URL_OPTION = "--jdbc-url";

    private final CredentialRedactor credentials;

    private Redactor(CredentialRedactor credentials) {
        this.credentials = credentials;
    }

    /**
     * Knows the credentials this run could have been given, on the command line (wherever the options stand) and in
     * the environment: the passwords, and the secrets inside the JDBC URLs.
     */
    static Redactor of(String[] args, Map<String, String> env) {
        List<String> passwords = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            collect(args, i, PASSWORD_OPTION, passwords);
            collect(args, i, URL_OPTION, urls);
        }
        passwords.add(env.get(SettingKey.JDBC_PASSWORD.envName()));
        urls.add(env.get(SettingKey.JDBC_URL.envName()));
        CredentialRedactor credentials = CredentialRedactor.patterns().alsoHiding(passwords);
        for (String url : urls) {
            credentials = credentials.alsoHidingSecretsOf(url);
        }
        return new Redactor(credentials);
    }

    private static void collect(String[] args, int i, String option, List<String> values) {
        if (args[i].equals(option) && i + 1 < args.length) {
            values.add(args[i + 1]);
        } else if (args[i].startsWith(option + "=")) {
            values.add(args[i].substring(option.length() + 1));
        }
    }

    /** {@return the text on one line, with credentials replaced by **** and token-shaped words by [token]} */
    String apply(String text) {
        String safe = credentials.redact(text);
        safe = TOKEN_SHAPED.matcher(safe).replaceAll(Matcher.quoteReplacement("[token]"));
        return LINE_BREAKS.matcher(safe).replaceAll(" ").strip();
    }
}
