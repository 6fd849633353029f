package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTypeTest {

    @ParameterizedTest
    @CsvSource({"DESKTOP, desktop", "MOBILE, mobile", "TABLET, tablet", "BOT, bot", "UNKNOWN, unknown"})
    void wireNameWhenAskedThenIsStableLowerCaseName(DeviceType type, String wireName) {
        assertEquals(wireName, type.wireName());
    }

    @ParameterizedTest
    @EnumSource(DeviceType.class)
    void fromWireNameWhenGivenWireNameThenRoundTrips(DeviceType type) {
        assertEquals(type, DeviceType.fromWireName(type.wireName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE", " Mobile ", "mobile"})
    void fromWireNameWhenCaseOrBlanksDifferThenStillMatches(String name) {
        assertEquals(DeviceType.MOBILE, DeviceType.fromWireName(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"phone", "smartwatch", "desk top", "\u0000"})
    void fromWireNameWhenNullOrUnrecognisedThenUnknown(String name) {
        assertEquals(DeviceType.UNKNOWN, DeviceType.fromWireName(name));
    }
}
