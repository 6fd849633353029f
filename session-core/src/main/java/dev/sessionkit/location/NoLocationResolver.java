package dev.sessionkit.location;

import java.util.Optional;

/** The resolver for apps without a location database: stateless, so one shared constant serves all. */
enum NoLocationResolver implements LocationResolver {
    INSTANCE;

    @Override
    public Optional<Location> resolve(String ipAddress) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "LocationResolver.none()";
    }
}
