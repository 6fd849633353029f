package dev.sessionkit.security;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings security monitoring runs with, read from {@link dev.sessionkit.config.SessionkitSettings}.
 *
 * @param eventRetention how long security events are kept ({@code event-retention})
 * @param failureWindow the sliding window failed sign-ins are counted over ({@code login-failure-window})
 * @param perAccountAddress failures of one account from one address before further attempts from there are
 *     refused ({@code login-failures-per-account-address})
 * @param perAddress failures from one address, any account, before it is refused ({@code login-failures-per-address})
 * @param perAccount failures of one account, any address, before its attempts are slowed to one per
 *     {@link #SLOWDOWN} ({@code login-failures-per-account}); never refused outright, so nobody can lock the owner
 *     out
 * @param travelKmPerHour the speed above which two sign-ins are an impossible trip ({@code impossible-travel-speed})
 * @param policy what each risk signal does ({@code risk-actions})
 */
public record MonitoringSettings(Duration eventRetention, Duration failureWindow, int perAccountAddress,
        int perAddress, int perAccount, int travelKmPerHour, RiskPolicy policy) {

    /** Least time between two attempts on an account that failed more than {@code perAccount} times. */
    public static final Duration SLOWDOWN = Duration.ofSeconds(5);

    /**
     * Checks the parts.
     *
     * @param eventRetention see the record description
     * @param failureWindow see the record description
     * @param perAccountAddress see the record description
     * @param perAddress see the record description
     * @param perAccount see the record description
     * @param travelKmPerHour see the record description
     * @param policy see the record description
     */
    public MonitoringSettings {
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(failureWindow, "failureWindow");
        Objects.requireNonNull(policy, "policy");
        if (perAccountAddress < 1 || perAddress < 1 || perAccount < 1 || travelKmPerHour < 1) {
            throw new IllegalArgumentException("limits and the travel speed must be positive");
        }
    }
}
