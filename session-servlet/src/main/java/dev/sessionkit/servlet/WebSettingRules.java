package dev.sessionkit.servlet;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The parsers and checks only web settings need: cookie names, paths of the app, proxy addresses. Stateless. */
final class WebSettingRules {

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private WebSettingRules() {
    }

    /** An IP address or CIDR; host names are refused, as resolving them at start-up would be a guess. */
    static IpRange ipRange(String key, String item) {
        try {
            return IpRange.parse(item);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, key + ": " + Texts.quote(item) + " is not an IP address or CIDR ("
                    + e.getMessage() + "); write a comma list like 10.0.0.0/8, 192.168.1.7, ::1/128 (host names are"
                    + " not accepted)", e);
        }
    }

    /** RFC 6265 cookie-name: an RFC 2616 token, i.e. visible ASCII without separators, and no browser prefix. */
    static void cookieName(Setting<String> setting, String name) {
        boolean token = !name.isEmpty()
                && name.chars().allMatch(c -> c > 32 && c < 127 && SEPARATORS.indexOf(c) < 0);
        if (!token) {
            throw setting.invalid(setting.key() + " " + Texts.quote(name) + " is not a valid cookie name; use"
                    + " letters, digits and !#$%&'*+-.^_`|~ only (an RFC 6265 token), e.g. "
                    + setting.defaultValue().orElse("sid"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("__host-") || lower.startsWith("__secure-")) {
            throw setting.invalid(setting.key() + " " + Texts.quote(name) + " carries a cookie prefix; give the base"
                    + " name only, Sessionkit adds __Host- itself when cookie-secure is true");
        }
    }

    /** A login page: a path of this application. */
    static void loginPath(Setting<Optional<String>> setting, Optional<String> path) {
        path.ifPresent(p -> path(setting, p, false));
    }

    /** Paths let through: each a path of this application, or a prefix ending in {@code /*}. */
    static void excludePaths(Setting<List<String>> setting, List<String> paths) {
        for (String path : paths) {
            path(setting, path, true);
        }
    }

    private static void path(Setting<?> setting, String path, boolean prefixAllowed) {
        String key = setting.key();
        String fix = prefixAllowed ? "; write paths like /login or prefixes like /static/*"
                : "; write a path of this application like /login";
        if (!path.startsWith("/")) {
            throw setting.invalid(key + " " + Texts.quote(path) + " must start with /" + fix);
        }
        if (path.startsWith("//") || path.indexOf('\\') >= 0) {
            throw setting.invalid(key + " " + Texts.quote(path) + " could point to another site (// or \\)" + fix);
        }
        String body = prefixAllowed && path.endsWith("/*") ? path.substring(0, path.length() - 1) : path;
        boolean clean = body.codePoints().noneMatch(c -> c == '*' || Character.isWhitespace(c)
                || Character.isISOControl(c) || Character.isSpaceChar(c));
        if (!clean) {
            throw setting.invalid(key + " " + Texts.quote(path) + " contains a blank, control character or"
                    + " misplaced *" + (prefixAllowed ? " (* is allowed only as a final /*)" : "") + fix);
        }
    }
}
