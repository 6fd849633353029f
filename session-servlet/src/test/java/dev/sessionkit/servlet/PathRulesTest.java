package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathRulesTest {

    private final PathRules rules = new PathRules(WebSettings.builder()
            .excludePaths(List.of("/health", "/static/*")).loginPath("/signin").build());

    @ParameterizedTest(name = "{0} + {1} excluded: {2}")
    @CsvSource({
            "/health, , true",
            "/health, /x, false",
            "/healthz, , false",
            "/static, /app.css, true",
            "/static, , true",
            "/staticky, , false",
            "/signin, , true",
            "/app, /static/x, false",
            ", , false",
    })
    void excludesExactPathsPrefixesAndTheLoginPage(String servletPath, String pathInfo, boolean excluded) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getServletPath()).thenReturn(servletPath == null ? "" : servletPath);
        when(request.getPathInfo()).thenReturn(pathInfo);
        assertEquals(excluded, rules.isExcluded(request));
    }
}
