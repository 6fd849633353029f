package dev.sessionkit.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one routine that takes credentials out of every message and log line Sessionkit writes. It masks, case
 * insensitively, the password in URL user info ({@code scheme://user:secret@host}, {@code jdbc:mysql://...},
 * {@code jdbc:h2:tcp://...}), Oracle's {@code thin:user/secret@}, parameters named like a password
 * ({@code password=}, {@code pwd=}, {@code passwd=}, {@code ;PASSWORD=} in H2 URLs, {@code sslpassword=}, ...), and
 * the value of a {@code --...password} option. An instance may also know secret values (the configured password,
 * the ones inside the configured URL), which it masks wherever they appear, as drivers quote parts of a URL in
 * their own words.
 *
 * <p>Immutable and thread-safe.
 */
public final class CredentialRedactor {

    /** What a credential is replaced by. */
    public static final String MASK = "****";

    private static final String SECRET_KEY = "[a-z0-9_.\\-]*(?:password|passwd|pwd|secret)";
    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#\\s:@'\"]*):([^/?#\\s'\"]*)@");
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)(:thin:[^/\\s@:'\"]+)/([^@\\s'\"]*)@");
    private static final Pattern QUOTED_PARAMETER = Pattern.compile(
            "(?i)(\\b" + SECRET_KEY + "\\s*=\\s*)(['\"])(.*?)\\2");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)(\\b" + SECRET_KEY + "\\s*=\\s*)([^&;\\s,'\")\\]}]+)");
    private static final Pattern OPTION = Pattern.compile("(?i)(--[a-z0-9-]*password(?:=|\\s+|',\\s*'))([^\\s']+)");

    private static final CredentialRedactor PATTERNS = new CredentialRedactor(List.of());

    private final List<String> secrets;

    private CredentialRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Returns the redactor that knows no secret values, only the shapes of credentials.
     *
     * @return the shared instance; never null
     */
    public static CredentialRedactor patterns() {
        return PATTERNS;
    }

    /**
     * Returns a redactor that also masks the configured password and the secrets inside the configured JDBC URL.
     *
     * @param settings the settings in effect; not null
     * @return the redactor; never null
     */
    public static CredentialRedactor of(SessionkitSettings settings) {
        return PATTERNS.alsoHiding(List.of(settings.jdbcPassword())).alsoHidingSecretsOf(settings.jdbcUrl());
    }

    /**
     * Masks text with {@link #patterns()}: a shorthand for log lines written where no settings are at hand.
     *
     * @param text any text, e.g. a driver's exception message; null gives null
     * @return the text with every credential shape masked
     */
    public static String redactText(String text) {
        return PATTERNS.redact(text);
    }

    /**
     * Returns a redactor that also masks these values wherever they appear.
     *
     * @param values secret values; null and empty ones are ignored
     * @return a new redactor; never null
     */
    public CredentialRedactor alsoHiding(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(secrets);
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                all.add(value);
            }
        }
        List<String> longestFirst = new ArrayList<>(all);
        // Longest first, so that a secret containing another is masked whole.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new CredentialRedactor(List.copyOf(longestFirst));
    }

    /**
     * Returns a redactor that also masks the secrets a URL carries, as written and percent-decoded.
     *
     * @param url a JDBC or other URL, possibly malformed; null gives this redactor
     * @return a new redactor; never null
     */
    public CredentialRedactor alsoHidingSecretsOf(String url) {
        return url == null ? this : alsoHiding(secretsIn(url));
    }

    /**
     * Finds the secret values in a URL: the password of its user info and the values of password parameters.
     *
     * @param url the URL; not null
     * @return the secrets, each as written and, when different, percent-decoded; maybe empty
     */
    public static Set<String> secretsIn(String url) {
        Set<String> found = new LinkedHashSet<>();
        collect(USER_INFO.matcher(url), 2, found);
        collect(ORACLE_THIN.matcher(url), 2, found);
        collect(QUOTED_PARAMETER.matcher(url), 3, found);
        collect(PARAMETER.matcher(url), 2, found);
        found.remove("");
        return Set.copyOf(found);
    }

    /**
     * Masks every credential in a text.
     *
     * @param text any text; null gives null
     * @return the text with known secrets and every credential shape replaced by {@link #MASK}
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String safe = text;
        for (String secret : secrets) {
            safe = safe.replace(secret, MASK);
        }
        safe = USER_INFO.matcher(safe).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        safe = ORACLE_THIN.matcher(safe).replaceAll("$1/" + Matcher.quoteReplacement(MASK) + "@");
        safe = QUOTED_PARAMETER.matcher(safe).replaceAll("$1$2" + Matcher.quoteReplacement(MASK) + "$2");
        safe = PARAMETER.matcher(safe).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return OPTION.matcher(safe).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /**
     * Copies a failure and its causes with every message redacted, for logging or keeping as a cause: the copies
     * keep the stack traces, name the original class in {@code toString()}, and a copied {@link SQLException} is
     * still one (same SQL state and error code).
     *
     * @param failure the failure; not null
     * @return the redacted copy; never null
     */
    public Throwable redactedCopy(Throwable failure) {
        return RedactedFailures.copy(Objects.requireNonNull(failure, "failure"), this);
    }

    private static void collect(Matcher matcher, int group, Set<String> found) {
        while (matcher.find()) {
            String value = matcher.group(group);
            found.add(value);
            try {
                found.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // Not valid percent-encoding: the value as written is the only form to hide.
                found.add(value);
            }
        }
    }
}
