package dev.sessionkit.location;

import dev.sessionkit.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link LocationResolver} the {@code geoip-database} setting asks for, failing at start-up rather than
 * on the first login when the setting cannot be honoured.
 */
public final class LocationResolvers {

    /** The setting's key as users write it. */
    static final String SETTING = "geoip-database";

    /** Classes the MaxMind adapter links against; checked before it is loaded so the error can say what to add. */
    private static final List<String> MAXMIND_CLASSES =
            List.of("com.maxmind.geoip2.DatabaseReader", "com.maxmind.db.Reader", "com.maxmind.db.CHMCache");

    private LocationResolvers() {
    }

    /**
     * Returns {@link LocationResolver#none()} when {@code geoipDatabase} is empty, otherwise a resolver over the
     * MaxMind-format city database at that path, read into memory once, now.
     *
     * <p>The returned resolver is thread-safe and holds the whole database in memory (GeoLite2-City: about 60 MB);
     * the caller owns it and closes it when the application stops. Replacing the file later does not affect it.
     *
     * @param geoipDatabase the value of the {@code geoip-database} setting; must not be null
     * @return the resolver, never null
     * @throws NullPointerException if {@code geoipDatabase} is null
     * @throws InvalidSettingException with key {@code geoip-database} when a path is given but
     *     {@code com.maxmind.geoip2:geoip2} is not on the application's classpath, or the file is missing,
     *     unreadable, not a MaxMind DB or not a city database; the message says how to fix it
     */
    public static LocationResolver fromSetting(Optional<Path> geoipDatabase) {
        Objects.requireNonNull(geoipDatabase, "geoipDatabase");
        if (geoipDatabase.isEmpty()) {
            return LocationResolver.none();
        }
        Path path = geoipDatabase.get();
        requireMaxMindReader(path);
        return GeoIpLocationResolver.open(path);
    }

    private static void requireMaxMindReader(Path path) {
        // The loader that defines this class is the one that will link GeoIpLocationResolver.
        ClassLoader loader = LocationResolvers.class.getClassLoader();
        for (String name : MAXMIND_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new InvalidSettingException(SETTING, "geoip-database is set to '" + path + "', but the MaxMind"
                        + " GeoIP2 reader is not on the application's classpath (" + name + " is missing). Add the"
                        + " dependency com.maxmind.geoip2:geoip2 (the Sessionkit BOM manages its version) to the"
                        + " application, or remove the setting to record sessions without a location.", e);
            }
        }
    }
}
