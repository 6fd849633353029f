package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationResolversTest {

    @TempDir
    Path dir;

    @Test
    void fromSettingWhenUnsetThenNone() {
        assertSame(LocationResolver.none(), LocationResolvers.fromSetting(Optional.empty()));
    }

    @Test
    void fromSettingWhenNullThenNamesParameter() {
        assertEquals("geoipDatabase",
                assertThrows(NullPointerException.class, () -> LocationResolvers.fromSetting(null)).getMessage());
    }

    @Test
    void fromSettingWhenCityDatabaseThenResolves() {
        try (LocationResolver resolver = LocationResolvers.fromSetting(Optional.of(TestDatabases.city()))) {
            assertEquals("London, United Kingdom", resolver.resolve("81.2.69.160").orElseThrow().display());
        }
    }

    @Test
    void fromSettingWhenFileMissingThenInvalidSettingNamingPathAndFix() {
        Path missing = dir.resolve("GeoLite2-City.mmdb");

        InvalidSettingException e = assertInvalid(missing);

        assertTrue(e.getMessage().contains("'" + missing + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("there is no file at this path"), e.getMessage());
        assertTrue(e.getMessage().contains("or remove the setting"), e.getMessage());
    }

    @Test
    void fromSettingWhenDirectoryThenInvalidSetting() {
        assertTrue(assertInvalid(dir).getMessage().contains("there is no file at this path"));
    }

    @Test
    void fromSettingWhenNotMaxMindDbThenInvalidSettingWithCause() throws Exception {
        Path text = Files.writeString(dir.resolve("GeoLite2-City.mmdb"), "not a database\n", StandardCharsets.UTF_8);

        InvalidSettingException e = assertInvalid(text);

        assertTrue(e.getMessage().contains("it is not a readable MaxMind DB (.mmdb) file"), e.getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }

    @Test
    void fromSettingWhenEmptyFileThenInvalidSetting() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mmdb"));

        assertTrue(assertInvalid(empty).getMessage().contains("it is not a readable MaxMind DB (.mmdb) file"));
    }

    @Test
    void fromSettingWhenTruncatedDatabaseThenInvalidSetting() throws Exception {
        byte[] whole = Files.readAllBytes(TestDatabases.city());
        Path truncated = Files.write(dir.resolve("truncated.mmdb"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertEquals("geoip-database", assertInvalid(truncated).key());
    }

    @Test
    void fromSettingWhenCountryDatabaseThenInvalidSetting() {
        assertTrue(assertInvalid(TestDatabases.country()).getMessage().contains("a city database is needed"));
    }

    @Test
    void fromSettingWhenGeoip2NotOnClasspathThenInvalidSettingNamingDependency() throws Exception {
        try (URLClassLoader withoutGeoip2 = classesOnlyLoader()) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("com.maxmind.geoip2.DatabaseReader", false, withoutGeoip2));
            Method fromSetting = withoutGeoip2.loadClass(LocationResolvers.class.getName())
                    .getMethod("fromSetting", Optional.class);

            Throwable thrown = assertThrows(InvocationTargetException.class,
                    () -> fromSetting.invoke(null, Optional.of(TestDatabases.city()))).getCause();

            // Loaded by the other loader, so compare by name and call key() reflectively.
            assertEquals(InvalidSettingException.class.getName(), thrown.getClass().getName());
            assertEquals("geoip-database", thrown.getClass().getMethod("key").invoke(thrown));
            assertTrue(thrown.getMessage().contains("Add the dependency com.maxmind.geoip2:geoip2"),
                    thrown.getMessage());
        }
    }

    @Test
    void fromSettingWhenGeoip2NotOnClasspathAndUnsetThenNoneWorks() throws Exception {
        try (URLClassLoader withoutGeoip2 = classesOnlyLoader()) {
            Object none = withoutGeoip2.loadClass(LocationResolvers.class.getName())
                    .getMethod("fromSetting", Optional.class)
                    .invoke(null, Optional.empty());
            Method resolve = withoutGeoip2.loadClass(LocationResolver.class.getName())
                    .getMethod("resolve", String.class);

            assertEquals(Optional.empty(), resolve.invoke(none, "193.99.144.80"));
        }
    }

    /** A loader that sees Sessionkit's main classes and the JDK, but not the application classpath with geoip2. */
    private static URLClassLoader classesOnlyLoader() {
        URL mainClasses = LocationResolvers.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {mainClasses}, ClassLoader.getPlatformClassLoader());
    }

    private static InvalidSettingException assertInvalid(Path path) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> LocationResolvers.fromSetting(Optional.of(path)));
        assertEquals("geoip-database", e.key());
        return e;
    }
}
