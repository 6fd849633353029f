package dev.sessionkit.config;

import static dev.sessionkit.config.SettingParsers.duration;

import dev.sessionkit.security.EventAction;
import dev.sessionkit.security.RiskPolicy;
import dev.sessionkit.security.RiskSignal;
import java.time.Duration;
import java.util.Optional;

/**
 * The core settings of security monitoring: event retention, sign-in attempt limits, impossible travel, the risk
 * policy, and how recent a credential must be for sensitive actions. Part of {@link SettingKey#ALL}; kept apart so each class stays one topic.
 */
public final class MonitoringSettingKeys {

    /** How long security events are kept. */
    public static final Setting<Duration> EVENT_RETENTION = Setting.define("event-retention", duration())
            .defaultValue("P90D").check(SettingChecks.notNegative())
            .description("how long security events (sign-ins, failures, alerts, ends) are kept").build();
    /** The sliding window failed sign-ins are counted over. */
    public static final Setting<Duration> LOGIN_FAILURE_WINDOW = Setting.define("login-failure-window", duration())
            .defaultValue("PT15M").check(SettingChecks.positive())
            .description("failed sign-ins count against the limits for this long").build();
    /** Failures of one account from one address before that pair is refused. */
    public static final Setting<Integer> PER_ACCOUNT_ADDRESS = limit("login-failures-per-account-address", "30",
            "failed sign-ins of one account from one address within the window; further attempts from there get 429");
    /** Failures from one address before it is refused. */
    public static final Setting<Integer> PER_ADDRESS = limit("login-failures-per-address", "100",
            "failed sign-ins from one address, any account, within the window; further attempts from there get 429");
    /** Failures of one account before its attempts are slowed. */
    public static final Setting<Integer> PER_ACCOUNT = limit("login-failures-per-account", "100",
            "failed sign-ins of one account, any address, within the window; beyond it one attempt per 5 seconds"
                    + " (never a lock-out)");
    /** The speed above which two sign-ins are an impossible trip. */
    public static final Setting<Integer> TRAVEL_SPEED = limit("impossible-travel-speed", "1000",
            "km/h between two sign-ins' locations above which the second is flagged as impossible travel");
    /** What each risk signal does. */
    public static final Setting<RiskPolicy> RISK_ACTIONS = Setting.define("risk-actions",
                    MonitoringSettingKeys::parsePolicy)
            .defaultValue(RiskPolicy.DEFAULT.settingText()).writtenAs(RiskPolicy::settingText)
            .description("per risk signal, `signal=action`; actions `record`, `notify`, `end-session`,"
                    + " `end-all-sessions`; signals not named keep their default").build();

    /** How recent a credential must be for ending sessions through the API; zero turns the requirement off. */
    public static final Setting<Duration> PRIVILEGED_SESSION_MAX_AGE = Setting.define("privileged-session-max-age",
                    duration())
            .defaultValue("PT15M").check(SettingChecks.notNegative())
            .description("ending other sessions through the REST API needs a password (or other credential) proved"
                    + " no longer ago than this; a remembered device's session never is; `PT0S` turns it off")
            .build();

    /** The secret that signs "This wasn't me" links. */
    public static final Setting<Optional<String>> ALERT_LINK_SECRET = Setting.define("alert-link-secret",
                    SettingParsers.optional(SettingParsers.text()))
            .unset(Optional.empty()).writtenAs(secret -> secret.orElse("")).secret()
            .description("signs the \"This wasn't me\" links of alerts; at least 32 characters, the same on every"
                    + " node; unset, each start draws a random one (links then work on that node until it restarts)")
            .check((setting, secret, all) -> {
                if (secret.isPresent() && secret.get().length() < 32) {
                    throw setting.invalid("alert-link-secret has " + secret.get().length() + " characters; give at"
                            + " least 32 random ones, the same on every node (e.g. openssl rand -base64 32)");
                }
            }).build();

    private MonitoringSettingKeys() {
    }

    private static Setting<Integer> limit(String key, String defaultValue, String description) {
        return Setting.define(key, SettingParsers.wholeNumber()).defaultValue(defaultValue).description(description)
                .check((setting, value, all) -> {
                    if (value < 1) {
                        throw setting.invalid(key + " is " + value + "; write a positive number, e.g. "
                                + defaultValue);
                    }
                }).build();
    }

    private static RiskPolicy parsePolicy(String key, String text) {
        RiskPolicy policy = RiskPolicy.DEFAULT;
        for (String item : SettingParsers.commaList(text)) {
            int eq = item.indexOf('=');
            String signalName = eq < 0 ? item : item.substring(0, eq).strip();
            String actionName = eq < 0 ? "" : item.substring(eq + 1).strip();
            RiskSignal signal = RiskSignal.fromWireName(signalName).orElseThrow(() -> new InvalidSettingException(key,
                    key + ": unknown signal " + Texts.quote(signalName) + "; expected one of "
                            + java.util.Arrays.stream(RiskSignal.values()).map(RiskSignal::wireName)
                                    .collect(java.util.stream.Collectors.joining(", ")) + ", each as signal=action"));
            EventAction action = EventAction.fromWireName(actionName).filter(a -> a != EventAction.THROTTLE)
                    .orElseThrow(() -> new InvalidSettingException(key, key + ": " + signalName + " has the unknown"
                            + " action " + Texts.quote(actionName) + "; expected record, notify, end-session or"
                            + " end-all-sessions"));
            policy = policy.with(signal, action);
        }
        return policy;
    }
}
