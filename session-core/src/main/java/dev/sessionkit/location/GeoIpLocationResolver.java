package dev.sessionkit.location;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DeserializationException;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader.FileMode;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import dev.sessionkit.config.InvalidSettingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Looks addresses up in a MaxMind-format city database (GeoLite2-City, GeoIP2-City, GeoIP2-Enterprise, DB-IP
 * IP-to-City Lite) that is read into memory once, when opened. Thread-safe: the MaxMind reader and its
 * {@link CHMCache} are.
 *
 * <p>This is the only class that names MaxMind types; it is loaded only after {@link LocationResolvers} has checked
 * that they are on the classpath.
 */
final class GeoIpLocationResolver implements LocationResolver {

    private static final System.Logger LOG = System.getLogger(GeoIpLocationResolver.class.getName());

    private final Path path;
    private final DatabaseReader reader;
    /** Failure kinds (exception classes) already logged at WARNING, so a broken database does not flood the log. */
    private final Set<Class<?>> loggedFailures = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private GeoIpLocationResolver(Path path, DatabaseReader reader) {
        this.path = path;
        this.reader = reader;
    }

    /**
     * Reads the whole database at {@code path} into memory and checks that it is a city database.
     *
     * @throws InvalidSettingException for {@code geoip-database} when the file is missing, unreadable, not a
     *     MaxMind DB, or not a city database; the message names the path and the fix
     */
    static GeoIpLocationResolver open(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw invalid(path, "there is no file at this path (" + absolute(path) + ")", null);
        }
        if (!Files.isReadable(path)) {
            throw invalid(path, "the file cannot be read by this process; check its permissions", null);
        }
        DatabaseReader reader;
        try {
            reader = new DatabaseReader.Builder(path.toFile())
                    .fileMode(FileMode.MEMORY)
                    .withCache(new CHMCache())
                    .locales(List.of("en"))
                    .build();
        } catch (IOException | DeserializationException e) {
            throw invalid(path, "it is not a readable MaxMind DB (.mmdb) file: " + e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            // The reader refuses database types it has no model for, e.g. a plain "city ipv4" flat-schema file.
            throw invalid(path, "it is not a GeoIP2-compatible database: " + e.getMessage(), e);
        }
        String type = reader.getMetadata().getDatabaseType();
        if (!type.contains("City") && !type.contains("Enterprise")) {
            closeQuietly(reader);
            throw invalid(path, "it is a " + type + " database, but a city database is needed", null);
        }
        return new GeoIpLocationResolver(path, reader);
    }

    @Override
    public Optional<Location> resolve(String ipAddress) {
        return city(ipAddress).flatMap(GeoIpLocationResolver::toLocation);
    }

    @Override
    public Optional<GeoPoint> point(String ipAddress) {
        return city(ipAddress).flatMap(GeoIpLocationResolver::toPoint);
    }

    /** The database's record of a public address; empty when closed, not public, unknown or unreadable. */
    private Optional<CityResponse> city(String ipAddress) {
        if (closed.get()) {
            return Optional.empty();
        }
        Optional<InetAddress> address = PublicAddresses.parsePublic(ipAddress);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try {
            return reader.tryCity(address.get());
        } catch (IOException | GeoIp2Exception | DeserializationException e) {
            // A location is optional decoration of a session: a damaged or closed database must not fail a login.
            logFailure(e);
            return Optional.empty();
        }
    }

    private static Optional<GeoPoint> toPoint(CityResponse response) {
        Double latitude = response.getLocation().getLatitude();
        Double longitude = response.getLocation().getLongitude();
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(latitude, longitude));
    }

    /** Closes the database; lookups then return empty. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(reader);
        }
    }

    @Override
    public String toString() {
        Metadata metadata = reader.getMetadata();
        return "GeoIpLocationResolver[" + path + ", " + metadata.getDatabaseType() + " built "
                + metadata.getBuildDate().toInstant() + (closed.get() ? ", closed" : "") + "]";
    }

    private static Optional<Location> toLocation(CityResponse response) {
        String isoCode = response.getCountry().getIsoCode();
        if (isoCode == null) {
            return Optional.empty(); // e.g. anonymous proxies and satellite providers carry no country
        }
        String code = isoCode.toUpperCase(Locale.ROOT);
        if (code.length() != 2 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return Optional.empty();
        }
        String countryName = nonBlank(response.getCountry().getName()).orElseGet(() -> englishCountryName(code));
        Optional<String> city = nonBlank(response.getCity().getName());
        return Optional.of(new Location(city, code, countryName));
    }

    private static String englishCountryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private void logFailure(Exception e) {
        // Never log the address: it is personal data, and the failure is about the database, not the address.
        if (loggedFailures.add(e.getClass())) {
            LOG.log(Level.WARNING, "Location lookup in " + path + " failed with " + e.getClass().getSimpleName()
                    + "; sessions get no location while this lasts. Replace the geoip-database file if it is damaged."
                    + " Further failures of this kind are logged at DEBUG.", e);
        } else {
            LOG.log(Level.DEBUG, () -> "Location lookup in " + path + " failed: " + e);
        }
    }

    private static InvalidSettingException invalid(Path path, String problem, Throwable cause) {
        String message = "geoip-database is set to '" + path + "', but " + problem + ". Set it to the path of a"
                + " MaxMind-format city database (.mmdb), such as GeoLite2-City.mmdb, GeoIP2-City.mmdb or DB-IP's"
                + " dbip-city-lite.mmdb, or remove the setting to record sessions without a location.";
        return cause == null
                ? new InvalidSettingException(LocationResolvers.SETTING, message)
                : new InvalidSettingException(LocationResolvers.SETTING, message, cause);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static void closeQuietly(DatabaseReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // Closing an in-memory reader releases a buffer; a failure here leaves nothing to clean up.
            LOG.log(Level.DEBUG, () -> "Closing the location database failed: " + e);
        }
    }
}
