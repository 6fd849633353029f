package dev.sessionkit.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What Sessionkit does when each risk signal fires. Immutable.
 *
 * <p>The defaults are what a security team would sign off without knowing the app: every sign-in signal notifies
 * (a new device, country or an implausible trip is far more often a phone, a VPN or a holiday than an attacker,
 * and the owner is the one who can tell), while a stolen cookie coming back ends every session of the account,
 * since whoever holds it may hold others.
 *
 * @param actions the action for each signal; every signal present
 */
public record RiskPolicy(Map<RiskSignal, EventAction> actions) {

    /** The defaults described above. */
    public static final RiskPolicy DEFAULT = defaults();

    /**
     * Checks every signal has an action, and that none is {@link EventAction#THROTTLE} (which only attempt limits
     * take).
     *
     * @param actions see the record description
     */
    public RiskPolicy {
        Objects.requireNonNull(actions, "actions");
        EnumMap<RiskSignal, EventAction> copy = new EnumMap<>(RiskSignal.class);
        copy.putAll(actions);
        for (RiskSignal signal : RiskSignal.values()) {
            EventAction action = copy.get(signal);
            if (action == null || action == EventAction.THROTTLE) {
                throw new IllegalArgumentException("signal " + signal.wireName() + " needs one of record, notify,"
                        + " end-session, end-all-sessions");
            }
        }
        actions = Collections.unmodifiableMap(copy);
    }

    private static RiskPolicy defaults() {
        EnumMap<RiskSignal, EventAction> actions = new EnumMap<>(RiskSignal.class);
        for (RiskSignal signal : RiskSignal.values()) {
            actions.put(signal, EventAction.NOTIFY);
        }
        actions.put(RiskSignal.USE_AFTER_END, EventAction.END_ALL_SESSIONS);
        return new RiskPolicy(actions);
    }

    /**
     * Returns the action for one signal.
     *
     * @param signal the signal
     * @return its action
     */
    public EventAction actionFor(RiskSignal signal) {
        return actions.get(signal);
    }

    /**
     * Returns a copy with one signal's action changed.
     *
     * @param signal the signal
     * @param action its new action
     * @return the new policy
     */
    public RiskPolicy with(RiskSignal signal, EventAction action) {
        EnumMap<RiskSignal, EventAction> copy = new EnumMap<>(actions);
        copy.put(signal, action);
        return new RiskPolicy(copy);
    }

    /**
     * Writes the policy in setting syntax.
     *
     * @return e.g. {@code new-device=notify,...,use-after-end=end-all-sessions}
     */
    public String settingText() {
        return actions.entrySet().stream().map(e -> e.getKey().wireName() + "=" + e.getValue().wireName())
                .collect(Collectors.joining(","));
    }
}
