package dev.sessionkit.location;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the small MaxMind test databases committed under {@code src/test/resources/geoip/} (fake data). */
final class TestDatabases {

    private TestDatabases() {
    }

    static Path city() {
        return resource("GeoIP2-City-Test.mmdb");
    }

    static Path country() {
        return resource("GeoIP2-Country-Test.mmdb");
    }

    static Path brokenCity() {
        return resource("GeoIP2-City-Test-Broken-Double-Format.mmdb");
    }

    private static Path resource(String name) {
        URL url = TestDatabases.class.getResource("/geoip/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing test resource geoip/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
