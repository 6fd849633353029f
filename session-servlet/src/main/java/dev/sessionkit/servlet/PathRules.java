package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Which paths the filter lets through without a session: each {@code exclude-paths} entry is an exact path
 * ({@code /login}) or a prefix ending in {@code /*} ({@code /static/*}). Paths are the container's decoded and
 * normalised servlet path plus path info, relative to the context, so {@code /static/../app} never matches
 * {@code /static/*}. The login page itself is always let through.
 */
final class PathRules {

    private final List<String> exact;
    private final List<String> prefixes;

    PathRules(WebSettings settings) {
        List<String> all = new java.util.ArrayList<>(settings.excludePaths());
        settings.loginPath().ifPresent(all::add);
        this.exact = all.stream().filter(p -> !p.endsWith("/*")).toList();
        this.prefixes = all.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 1)).toList();
    }

    boolean isExcluded(HttpServletRequest request) {
        String path = pathOf(request);
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

    private static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
