package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceInfoTest {

    @Test
    void unknownWhenCalledThenAllUnknownAndShared() {
        DeviceInfo unknown = DeviceInfo.unknown();
        assertEquals(new DeviceInfo(DeviceType.UNKNOWN, "Unknown", "Unknown"), unknown);
        assertSame(unknown, DeviceInfo.unknown());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u0000\u001f\u007f"})
    void constructorWhenNameNullOrBlankThenUnknown(String name) {
        DeviceInfo info = new DeviceInfo(null, name, name);
        assertEquals(new DeviceInfo(DeviceType.UNKNOWN, "Unknown", "Unknown"), info);
        assertEquals(DeviceType.UNKNOWN, info.type());
    }

    @Test
    void constructorWhenNamesHaveControlCharactersAndRunsOfSpaceThenCleaned() {
        DeviceInfo info = new DeviceInfo(DeviceType.DESKTOP, "  Chrome\r\n\u0000  120 ", "Windows\t\t11");
        assertEquals("Chrome 120", info.browser());
        assertEquals("Windows 11", info.os());
    }

    @Test
    void constructorWhenNameLongerThan64ThenCutTo64() {
        DeviceInfo info = new DeviceInfo(DeviceType.BOT, "b".repeat(100), "o".repeat(65));
        assertEquals("b".repeat(64), info.browser());
        assertEquals("o".repeat(64), info.os());
    }

    @Test
    void constructorWhenCutFallsInsideSurrogatePairThenPairIsDroppedWhole() {
        String name = "x".repeat(63) + "\uD83D\uDE00"; // 65 chars, the emoji straddles the 64th
        DeviceInfo info = new DeviceInfo(DeviceType.MOBILE, name, "iOS 17.1");
        assertEquals("x".repeat(63), info.browser());
    }
}
