package dev.sessionkit.location;

import java.util.Optional;

/**
 * Finds where a public IP address is; the answer is best-effort and a lookup never fails the caller.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li><b>Never throws</b> from {@link #resolve(String)}, whatever the input; a failed lookup is an empty result
 *       (implementations log the failure rather than hide it).</li>
 *   <li><b>No DNS.</b> The input is parsed as an IPv4 or IPv6 literal only; a host name is never resolved, so a
 *       lookup costs no network round trip and leaks no name to a DNS server.</li>
 *   <li><b>Public addresses only.</b> Loopback, private, link-local, unique-local, multicast, unspecified and other
 *       non-routable addresses give an empty result.</li>
 *   <li><b>Thread-safe.</b> One instance serves every request concurrently.</li>
 * </ul>
 *
 * <p>A resolver may hold a file or memory; whoever creates it closes it when the application stops.
 */
public interface LocationResolver extends AutoCloseable {

    /**
     * Returns where {@code ipAddress} is, or empty when it is unknown, not public, or not an IP literal; never
     * throws and never performs DNS.
     *
     * @param ipAddress an IPv4 literal ({@code 203.0.113.7}) or IPv6 literal ({@code 2001:db8::7}) as recorded for
     *     the request; may be null, malformed or a host name, which all give an empty result
     * @return the location, or empty; never null
     */
    Optional<Location> resolve(String ipAddress);

    /**
     * Returns the coordinates of {@code ipAddress} when the database has them, for judging how far apart two
     * sign-ins were. Same contract as {@link #resolve(String)}: never throws, no DNS, public addresses only. The
     * default knows no coordinates.
     *
     * @param ipAddress an IP literal as recorded for the request; may be null or garbage
     * @return the point, or empty; never null
     */
    default Optional<GeoPoint> point(String ipAddress) {
        return Optional.empty();
    }

    /**
     * Releases what the resolver holds; the default does nothing. After closing, {@link #resolve(String)} still
     * never throws and returns empty. Closing twice is harmless.
     */
    @Override
    default void close() {
        // Nothing held by default.
    }

    /**
     * Returns the resolver used when no location database is configured: every lookup is empty.
     *
     * @return a stateless, thread-safe shared instance, never null
     */
    static LocationResolver none() {
        return NoLocationResolver.INSTANCE;
    }
}
