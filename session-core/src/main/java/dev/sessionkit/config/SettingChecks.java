package dev.sessionkit.config;

import java.time.Duration;

/**
 * Range checks shared by settings of every owner. Every failure names the key, the value and the fix. Stateless.
 */
public final class SettingChecks {

    /** Longest accepted duration: beyond it, adding it to an {@code Instant} could overflow. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private SettingChecks() {
    }

    /** {@return a check that a duration is longer than zero and at most {@link #MAX_DURATION}} */
    public static Setting.Check<Duration> positive() {
        return (setting, value, all) -> {
            if (value.isZero() || value.isNegative()) {
                throw setting.invalid(setting.key() + " is " + value + " but must be longer than zero; write e.g. "
                        + setting.defaultValue().orElse("PT30M"));
            }
            atMost(setting, value);
        };
    }

    /** {@return a check that a duration is zero or more and at most {@link #MAX_DURATION}} */
    public static Setting.Check<Duration> notNegative() {
        return (setting, value, all) -> notNegative(setting, value);
    }

    /**
     * Checks that a duration is zero or more and at most {@link #MAX_DURATION}, for checks that add a rule.
     *
     * @param setting the setting checked
     * @param value its value
     * @throws InvalidSettingException naming the setting when the value is out of range
     */
    public static void notNegative(Setting<Duration> setting, Duration value) {
        if (value.isNegative()) {
            throw setting.invalid(setting.key() + " is " + value + " but must not be negative; write PT0S or a"
                    + " positive duration such as " + setting.defaultValue().orElse("PT30M"));
        }
        atMost(setting, value);
    }

    /** {@return a check that a text is not blank, failing with {@code message}} */
    public static Setting.Check<String> notBlank(String message) {
        return (setting, value, all) -> {
            if (value.isBlank()) {
                throw setting.invalid(message);
            }
        };
    }

    private static void atMost(Setting<Duration> setting, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            throw setting.invalid(setting.key() + " is " + value
                    + ", longer than the supported maximum of P36500D (100 years)");
        }
    }
}
