package dev.sessionkit.remember;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of remembered devices.
 *
 * @param lifetime {@code remember-me-lifetime}: how long a device stays remembered, whatever its use
 * @param maxDevices {@code remember-me-max-devices}: the most remembered devices per user; the oldest goes first
 */
public record RememberMeSettings(Duration lifetime, int maxDevices) {

    /**
     * Checks the values.
     *
     * @param lifetime see the record description
     * @param maxDevices see the record description
     */
    public RememberMeSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero() || maxDevices < 1) {
            throw new IllegalArgumentException("lifetime must be positive and maxDevices at least 1");
        }
    }
}
