package dev.sessionkit.config;

import static dev.sessionkit.config.SettingParsers.duration;

import java.time.Duration;

/** The settings of remembered devices ("keep me signed in"). Part of {@link SettingKey#ALL}. */
public final class RememberMeSettingKeys {

    /** How long a device stays remembered. */
    public static final Setting<Duration> LIFETIME = Setting.define("remember-me-lifetime", duration())
            .defaultValue("P30D").check(SettingChecks.positive())
            .description("how long a device a user asked to keep signed in stays remembered (the remember cookie's"
                    + " Max-Age); never extended by use").build();
    /** The most remembered devices per user. */
    public static final Setting<Integer> MAX_DEVICES = Setting.define("remember-me-max-devices",
                    SettingParsers.wholeNumber())
            .defaultValue("10")
            .description("the most remembered devices per user; remembering one more forgets the oldest")
            .check((setting, value, all) -> {
                if (value < 1) {
                    throw setting.invalid("remember-me-max-devices is " + value + "; write a positive number, e.g."
                            + " 10");
                }
            }).build();

    private RememberMeSettingKeys() {
    }
}
