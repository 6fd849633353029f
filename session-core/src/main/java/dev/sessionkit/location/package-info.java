/**
 * Where a session's IP address is, as a user would name it ("Berlin, Germany"), for the sessions list and for
 * login-history entries.
 *
 * <p>{@link dev.sessionkit.location.LocationResolver} turns an IP address literal into an optional
 * {@link dev.sessionkit.location.Location}; it never throws and never performs DNS. Build one from the
 * {@code geoip-database} setting with {@link dev.sessionkit.location.LocationResolvers#fromSetting(java.util.Optional)}:
 * unset gives {@link dev.sessionkit.location.LocationResolver#none()}, set opens a MaxMind-format city database
 * ({@code .mmdb}, e.g. GeoLite2-City, GeoIP2-City or DB-IP's IP-to-City Lite) once, at start-up.
 *
 * <p>The MaxMind reader ({@code com.maxmind.geoip2:geoip2}) is an optional dependency: only applications that set
 * {@code geoip-database} need it (and its Jackson dependencies) on the classpath. Every type in this package except
 * the package-private MaxMind adapter loads without it.
 */
package dev.sessionkit.location;
