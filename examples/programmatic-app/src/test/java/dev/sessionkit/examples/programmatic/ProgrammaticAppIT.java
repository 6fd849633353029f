package dev.sessionkit.examples.programmatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example WAR as Maven built it, deployed on Tomcat: it has no web.xml, its listener registers the filter and
 * the servlets in code. A user signs in, reaches the page as themselves, signs out, and their cookie stops working.
 */
class ProgrammaticAppIT {

    private static Tomcat tomcat;
    private static Path baseDir;
    private static URI base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void deploy() throws Exception {
        File war = new File(System.getProperty("sessionkit.example.war",
                "target/sessionkit-example-programmatic.war"));
        assertTrue(war.isFile(), "the WAR was built: " + war);
        baseDir = Files.createTempDirectory("sk-example-tomcat");
        // Where Tomcat expands the WAR, as in a server's own webapps directory.
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // Only what the app registers itself: no JSP servlet (Jasper is not here), no default servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", war.getAbsolutePath());
        // The listener is found in WEB-INF/classes; the jars of WEB-INF/lib hold nothing the example needs found.
        StandardJarScanFilter skipAll = new StandardJarScanFilter();
        skipAll.setTldSkip("*.jar");
        skipAll.setPluggabilitySkip("*.jar");
        context.getJarScanner().setJarScanFilter(skipAll);
        tomcat.start();
        base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/");
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheSignInPage() throws Exception {
        HttpResponse<String> answer = get("hello", null);

        assertEquals(302, answer.statusCode());
        assertEquals("/login", URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals(200, get("login", null).statusCode(), "the sign-in page is let through");
    }

    @Test
    void signInReachThePageAsTheUserThenSignOutAndTheCookieStopsWorking() throws Exception {
        HttpResponse<String> signedIn = post("login", "username=alice&password="
                + URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8), null);
        assertEquals(302, signedIn.statusCode());
        String cookie = sessionCookie(signedIn).orElseThrow(() -> new AssertionError("no session cookie"));
        assertTrue(cookie.startsWith("__Host-sid="), cookie);

        HttpResponse<String> page = get("hello", cookie);
        assertEquals(200, page.statusCode());
        assertEquals("Hello, alice", page.body());

        assertEquals(302, post("logout", "", cookie).statusCode());
        assertEquals(302, get("hello", cookie).statusCode(), "an ended session reaches the page no more");
    }

    @Test
    void aWrongPasswordGetsNoSession() throws Exception {
        HttpResponse<String> refused = post("login", "username=alice&password=guess", null);

        assertEquals(401, refused.statusCode());
        assertEquals(Optional.empty(), sessionCookie(refused));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), cookie);
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        // Sent as a browser's page request: HTML wanted, so a refusal is a redirect to the sign-in page.
        request.header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie a response sets, as {@code name=value}, to send back as a browser would. */
    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("__Host-sid=") && !c.startsWith("__Host-sid=;"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }
}
