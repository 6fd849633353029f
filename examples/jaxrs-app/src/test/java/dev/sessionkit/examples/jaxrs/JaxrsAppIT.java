package dev.sessionkit.examples.jaxrs;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example WAR as Maven built it, deployed on Tomcat with the Jersey it carries. A client signs in, calls the
 * app's resource as itself, sees and ends its sessions through Sessionkit's REST API, signs out, and its cookie
 * stops working; without a session every call is a 401 problem.
 */
class JaxrsAppIT {

    /** A session's public id in the API's JSON, e.g. {@code "id":"TQJ9SXYX1Ey5VeWXsQZe4w"}. */
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]{22})\"");
    private static final String PASSWORD = "correct horse battery staple";

    private static Tomcat tomcat;
    private static Path baseDir;
    private static URI base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void deploy() throws Exception {
        File war = new File(System.getProperty("sessionkit.example.war", "target/sessionkit-example-jaxrs.war"));
        assertTrue(war.isFile(), "the WAR was built: " + war);
        baseDir = Files.createTempDirectory("sk-example-tomcat");
        // Where Tomcat expands the WAR, as in a server's own webapps directory.
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // Only what the WAR's own web.xml declares: no JSP servlet (Jasper is not here), no default servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", war.getAbsolutePath());
        // web.xml names everything; scanning every jar of WEB-INF/lib for TLDs and fragments only costs time.
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
    void withoutASessionEveryCallIsA401Problem() throws Exception {
        for (String path : List.of("api/hello", "api/sessions", "api/sessions/current")) {
            HttpResponse<String> answer = get(path, null);

            assertEquals(401, answer.statusCode(), path);
            assertEquals("application/problem+json", mediaType(answer), path);
        }
        assertEquals(200, get("api/openapi.json", null).statusCode(), "the API's description is public");
    }

    @Test
    void signInCallTheAppAsTheUserThenSignOutAndTheCookieStopsWorking() throws Exception {
        String cookie = signIn();

        HttpResponse<String> hello = get("api/hello", cookie);
        assertEquals(200, hello.statusCode());
        assertTrue(hello.body().contains("\"user\":\"alice\""), hello.body());
        assertTrue(hello.body().contains("\"admin\":false"), hello.body());
        HttpResponse<String> current = get("api/sessions/current", cookie);
        assertEquals(200, current.statusCode());
        assertTrue(current.body().contains("\"user\":\"alice\""), current.body());

        HttpResponse<String> signedOut = post("api/logout", "", cookie);
        assertEquals(204, signedOut.statusCode());
        assertTrue(signedOut.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("__Host-sid=;")),
                "the cookie is cleared: " + signedOut.headers().allValues("Set-Cookie"));
        assertEquals(401, get("api/hello", cookie).statusCode(), "an ended session reaches the app no more");
    }

    @Test
    void aUserSeesTheirDevicesAndSignsOneOutThroughTheSessionsApi() throws Exception {
        String laptop = signIn();
        String phone = signIn();

        String phoneId = ids(get("api/sessions/current", phone).body()).get(0);
        List<String> listed = ids(get("api/sessions", laptop).body());
        assertEquals(2, listed.size(), "the laptop's list: " + listed);
        assertTrue(listed.contains(phoneId), "the laptop lists the phone: " + listed);

        assertEquals(204, delete("api/sessions/" + phoneId, laptop).statusCode());
        assertEquals(401, get("api/hello", phone).statusCode(), "the phone is signed out");
        assertEquals(200, get("api/hello", laptop).statusCode(), "the laptop goes on");
        post("api/logout", "", laptop);
    }

    @Test
    void anotherSitesFormCannotSignTheUserOut() throws Exception {
        String cookie = signIn();

        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(base.resolve("api/logout"))
                .header("Cookie", cookie).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, forged.statusCode());
        assertEquals(200, get("api/hello", cookie).statusCode(), "the session goes on");
        post("api/logout", "", cookie);
    }

    @Test
    void aWrongPasswordGetsNoSession() throws Exception {
        HttpResponse<String> refused = post("api/login", "username=alice&password=guess", null);

        assertEquals(401, refused.statusCode());
        assertEquals("application/problem+json", mediaType(refused));
        assertEquals(Optional.empty(), sessionCookie(refused));
    }

    /** Signs alice in and returns her session cookie, as {@code name=value}. */
    private String signIn() throws Exception {
        HttpResponse<String> signedIn = post("api/login", "username=alice&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), null);
        assertEquals(204, signedIn.statusCode(), signedIn.body());
        String cookie = sessionCookie(signedIn).orElseThrow(() -> new AssertionError("no session cookie"));
        assertTrue(cookie.startsWith("__Host-sid="), cookie);
        return cookie;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), cookie);
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), cookie);
    }

    private HttpResponse<String> delete(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        // Sent as a script does: JSON wanted, and the header that passes the API's cross-site request forgery guard.
        request.header("Accept", "application/json").header("X-Requested-With", "example");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(String json) {
        Matcher ids = ID.matcher(json);
        return ids.results().map(m -> m.group(1)).toList();
    }

    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    /** The session cookie a response sets, as {@code name=value}, to send back as a browser would. */
    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("__Host-sid=") && !c.startsWith("__Host-sid=;"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }
}
