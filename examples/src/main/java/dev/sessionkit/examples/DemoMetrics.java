package dev.sessionkit.examples;

import dev.sessionkit.metrics.SessionkitMeterBinder;
import dev.sessionkit.servlet.SessionLogin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: Sessionkit's meters in Prometheus' text format, through Micrometer. Public in the demo; an
 * app serves it where only its monitoring can reach it.
 */
final class DemoMetrics extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Made at the first scrape: the filter, which builds Sessionkit, has started by then. */
    private transient PrometheusMeterRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getOutputStream().write(registry().scrape().getBytes(StandardCharsets.UTF_8));
    }

    private synchronized PrometheusMeterRegistry registry() {
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new SessionkitMeterBinder(SessionLogin.of(getServletContext()).sessionkit().counts()).bindTo(registry);
        }
        return registry;
    }

    @Override
    public void destroy() {
        if (registry != null) {
            registry.close();
        }
    }
}
