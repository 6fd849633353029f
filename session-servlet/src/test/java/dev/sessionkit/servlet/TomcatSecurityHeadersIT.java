package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** {@link SecurityHeadersFilter} on embedded Tomcat (11 and 10.1, one Failsafe execution each). */
class TomcatSecurityHeadersIT extends SecurityHeadersContract {

    @Override
    protected Deployment deploy(Map<String, String> initParams, Map<String, HttpServlet> servlets) throws Exception {
        Path baseDir = Files.createTempDirectory("sessionkit-headers");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        Context context = tomcat.addContext("", Files.createDirectories(baseDir.resolve("webapp")).toString());
        // As Tomcat's conf/web.xml does: without a default servlet, Tomcat answers an unmapped path before any filter.
        Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        context.addServletMapping("/", "default");
        FilterDef def = new FilterDef();
        def.setFilterName("security-headers");
        def.setFilterClass(SecurityHeadersFilter.class.getName());
        initParams.forEach(def::addInitParameter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("security-headers");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        map.setDispatcher("ERROR");
        context.addFilterMap(map);
        int n = 0;
        for (Map.Entry<String, HttpServlet> servlet : servlets.entrySet()) {
            String name = "app-" + n++;
            Tomcat.addServlet(context, name, servlet.getValue());
            context.addServletMapping(servlet.getKey(), name);
        }
        tomcat.start();
        Deployment deployment = new Deployment() {
            @Override
            public URI base() {
                return URI.create("http://127.0.0.1:" + connector.getLocalPort());
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
                try (Stream<Path> files = Files.walk(baseDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        };
        // A filter whose init throws leaves the context FAILED (then stopped), while start() itself returns.
        if (!context.getState().isAvailable()) {
            deployment.close();
            throw new IllegalStateException("deployment failed: context " + context.getState());
        }
        return deployment;
    }
}
