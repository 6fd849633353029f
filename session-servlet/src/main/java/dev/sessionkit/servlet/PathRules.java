package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Which paths the filter treats apart: {@code exclude-paths} it lets through untouched (the login page always),
 * {@code public-paths} it lets through anonymously when there is no valid session. Each entry is an exact path
 * ({@code /login}) or a prefix ending in {@code /*} ({@code /static/*}; {@code /*} is everything). Paths are the
 * container's decoded and normalised servlet path plus path info, relative to the context, so
 * {@code /static/../app} never matches {@code /static/*}.
 */
final class PathRules {

    private final Patterns excluded;
    private final Patterns open;

    PathRules(WebSettings settings) {
        List<String> all = new java.util.ArrayList<>(settings.excludePaths());
        settings.loginPath().ifPresent(all::add);
        this.excluded = new Patterns(all);
        this.open = new Patterns(settings.publicPaths());
    }

    boolean isExcluded(HttpServletRequest request) {
        return excluded.matches(pathOf(request));
    }

    /** Whether a request without a valid session goes on anonymously here. */
    boolean isPublic(HttpServletRequest request) {
        return open.matches(pathOf(request));
    }

    /** Exact paths and prefixes. */
    private record Patterns(List<String> exact, List<String> prefixes) {

        Patterns(List<String> all) {
            this(all.stream().filter(p -> !p.endsWith("/*")).toList(),
                    all.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 1)).toList());
        }

        boolean matches(String path) {
            if (exact.contains(path)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
