package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SecurityHeadersFilter} in a real container, over real HTTP: every kind of response carries the headers,
 * the ones the container writes itself (its 404 and 500 pages) and a response the app reset included; init-params
 * replace the policies, and a broken one fails the deployment. Subclasses bring the container.
 */
abstract class SecurityHeadersContract {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** A running container; closing it stops it. */
    interface Deployment extends AutoCloseable {
        URI base();
    }

    private Deployment deployment;

    /**
     * Deploys {@link #servlets()} with {@link SecurityHeadersFilter} (these init-params) on {@code /*} for the
     * REQUEST and ERROR dispatches, on 127.0.0.1 and a free port; throws when the deployment fails.
     */
    protected abstract Deployment deploy(Map<String, String> initParams, Map<String, HttpServlet> servlets)
            throws Exception;

    @AfterEach
    void stop() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void everyResponseWhenDefaultsThenCarriesTheFourHeaders() throws Exception {
        deployment = deploy(Map.of(), servlets());
        Map<String, Integer> statusOf = new LinkedHashMap<>();
        statusOf.put("/ok", 200);
        statusOf.put("/redirect", 302);
        statusOf.put("/refuse", 401);
        statusOf.put("/missing", 404);
        statusOf.put("/no-such-path", 404);
        statusOf.put("/boom", 500);
        statusOf.put("/reset", 200);
        for (Map.Entry<String, Integer> path : statusOf.entrySet()) {
            HttpResponse<String> response = get(path.getKey());
            assertEquals(path.getValue(), response.statusCode(), path.getKey());
            assertEquals(SecurityHeadersFilter.DEFAULT_CSP, header(response, "Content-Security-Policy"),
                    path.getKey());
            assertEquals("nosniff", header(response, "X-Content-Type-Options"), path.getKey());
            assertEquals("same-origin", header(response, "Referrer-Policy"), path.getKey());
            assertEquals("DENY", header(response, "X-Frame-Options"), path.getKey());
        }
        String csp = SecurityHeadersFilter.DEFAULT_CSP;
        for (String directive : new String[] {"default-src 'self'", "script-src 'self'", "style-src 'self'",
            "frame-ancestors 'none'", "form-action 'self'"}) {
            assertEquals(true, csp.contains(directive), directive);
        }
        assertEquals(false, csp.contains("unsafe-inline"));
    }

    @Test
    void initParamsWhenSetThenReplaceThePolicies() throws Exception {
        deployment = deploy(Map.of(SecurityHeadersFilter.CSP_PARAM, " default-src 'none'; frame-ancestors 'none' ",
                SecurityHeadersFilter.REFERRER_PARAM, "no-referrer"), servlets());
        HttpResponse<String> response = get("/ok");
        assertEquals("default-src 'none'; frame-ancestors 'none'", header(response, "Content-Security-Policy"));
        assertEquals("no-referrer", header(response, "Referrer-Policy"));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    }

    @Test
    void initParamWhenBlankOrSeveralLinesThenDeploymentFails() {
        assertThrows(Exception.class, () -> deployment = deploy(Map.of(SecurityHeadersFilter.CSP_PARAM, "  "),
                servlets()));
        assertThrows(Exception.class, () -> deployment = deploy(Map.of(SecurityHeadersFilter.REFERRER_PARAM,
                "no-referrer\r\nSet-Cookie: x=y"), servlets()));
    }

    /** The app: an answer, a redirect, a refusal, the app's 404, an exception, and a response the app resets. */
    private static Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("/ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().print("ok");
            }
        });
        servlets.put("/redirect", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(302);
                response.setHeader("Location", "/ok");
            }
        });
        servlets.put("/refuse", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setStatus(401);
                response.setContentType("application/problem+json");
                response.getWriter().print("{\"status\":401}");
            }
        });
        servlets.put("/missing", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.sendError(404);
            }
        });
        servlets.put("/boom", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
                throw new ServletException("the container writes the 500 page");
            }
        });
        servlets.put("/reset", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setHeader("X-Before-Reset", "yes");
                response.reset();
                response.setContentType("text/plain");
                response.getWriter().print("after reset");
            }
        });
        return servlets;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(deployment.base().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
