package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** User-Agent Client Hints refine Chrome's reduced user agent, and bad hints are ignored. */
class ClientHintsTest {

    private static final DeviceDetector DETECTOR = DeviceDetector.standard();

    private static final String REDUCED_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String REDUCED_ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
    private static final String REDUCED_ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String REDUCED_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String CHROME_BRANDS =
            "\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"120\", \"Google Chrome\";v=\"120\"";

    private static DeviceInfo detect(String userAgent, String... hintNamesAndValues) {
        Map<String, String> hints = new HashMap<>();
        for (int i = 0; i < hintNamesAndValues.length; i += 2) {
            hints.put(hintNamesAndValues[i], hintNamesAndValues[i + 1]);
        }
        return DETECTOR.detect(new UserAgentData(userAgent, hints));
    }

    @ParameterizedTest(name = "platform version {0} is {1}")
    @CsvSource({"15.0.0, Windows 11", "13.0.0, Windows 11", "10.0.0, Windows 10", "1.0.0, Windows 10",
        "0.3.0, Windows 8.1", "0.2.0, Windows 8", "0.1.0, Windows 7"})
    void detectWhenWindowsPlatformVersionSentThenItDecidesTheWindowsRelease(String version, String os) {
        DeviceInfo info = detect(REDUCED_WINDOWS,
                "Sec-CH-UA", CHROME_BRANDS,
                "Sec-CH-UA-Mobile", "?0",
                "Sec-CH-UA-Platform", "\"Windows\"",
                "Sec-CH-UA-Platform-Version", "\"" + version + "\"");
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", os), info);
    }

    @Test
    void detectWhenOnlyLowEntropyHintsSentThenUserAgentVersionKept() {
        DeviceInfo info = detect(REDUCED_WINDOWS, "sec-ch-ua", CHROME_BRANDS, "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"Windows\"");
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Windows 10"), info);
    }

    @Test
    void detectWhenAndroidModelAndVersionSentThenTheyReplaceTheReducedK() {
        DeviceInfo info = detect(REDUCED_ANDROID,
                "sec-ch-ua", CHROME_BRANDS,
                "sec-ch-ua-mobile", "?1",
                "sec-ch-ua-platform", "\"Android\"",
                "sec-ch-ua-platform-version", "\"14.0.0\"",
                "sec-ch-ua-model", "\"Pixel 8\"",
                "sec-ch-ua-full-version-list",
                "\"Not_A Brand\";v=\"8.0.0.0\", \"Chromium\";v=\"120.0.6099.144\", \"Google Chrome\";v=\"120.0.6099.144\"");
        assertEquals(new DeviceInfo(DeviceType.MOBILE, "Chrome 120", "Android 14"), info);
    }

    @ParameterizedTest
    @CsvSource({"?0, SM-X700", "?0, ''", "'', Galaxy Tab S9", "'', SM-T870", "'', Lenovo TB-J606F"})
    void detectWhenAndroidSaysNotMobileOrTabletModelThenTablet(String mobile, String model) {
        DeviceInfo info = detect(REDUCED_ANDROID,
                "sec-ch-ua-mobile", mobile,
                "sec-ch-ua-platform", "\"Android\"",
                "sec-ch-ua-platform-version", "\"13.0.0\"",
                "sec-ch-ua-model", "\"" + model + "\"");
        assertEquals(new DeviceInfo(DeviceType.TABLET, "Chrome 120", "Android 13"), info);
    }

    @Test
    void detectWhenMobileHintSaysPhoneThenMobileWhateverTheUserAgent() {
        DeviceInfo info = detect(REDUCED_ANDROID_TABLET, "sec-ch-ua-mobile", "?1", "sec-ch-ua-platform",
                "\"Android\"");
        assertEquals(DeviceType.MOBILE, info.type());
        assertEquals("Android 10", info.os());
    }

    @Test
    void detectWhenMacPlatformVersionSentThenRealMacosVersion() {
        DeviceInfo info = detect(REDUCED_MAC, "sec-ch-ua", CHROME_BRANDS, "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"macOS\"", "sec-ch-ua-platform-version", "\"14.1.0\"");
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "macOS 14.1"), info);
    }

    @Test
    void detectWhenLinuxHintAndUserAgentNamesDistributionThenDistributionKept() {
        String ubuntu = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36";
        assertEquals("Ubuntu", detect(ubuntu, "sec-ch-ua-platform", "\"Linux\"").os());
    }

    @Test
    void detectWhenUserAgentUnknownButHintsSentThenHintsDescribeTheDevice() {
        DeviceInfo info = detect("", "sec-ch-ua", CHROME_BRANDS, "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"Chrome OS\"");
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Chrome OS"), info);
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"120\", \"Google Chrome\";v=\"120\"    | Chrome 120",
        "\"Not A(Brand\";v=\"99\", \"Microsoft Edge\";v=\"121\", \"Chromium\";v=\"121\"  | Edge 121",
        "\"Opera\";v=\"105\", \"Chromium\";v=\"119\", \"Not?A_Brand\";v=\"24\"           | Opera 105",
        "\"Brave\";v=\"120\", \"Chromium\";v=\"120\", \"Not_A Brand\";v=\"24\"           | Brave 120",
        "\"Chromium\";v=\"120\", \"Not)A;Brand\";v=\"24\"                               | Chromium 120",
        "\"(Not(A:Brand\";v=\"8\", \"Chromium\";v=\"120\"                               | Chromium 120",
        "\"Not/A)Brand\";v=\"8\", \"Android WebView\";v=\"120\", \"Chromium\";v=\"120\"  | Chrome WebView 120",
        "\"Samsung Internet\";v=\"23.0\", \"Not=A?Brand\";v=\"8\", \"Chromium\";v=\"115\" | Samsung Internet 23",
        "\"Chromium\";v=\"120\", \"Google Chrome\"                                       | Chrome",
    })
    void detectWhenBrandListSentThenGreaseSkippedAndSpecificBrandPreferred(String brands, String browser) {
        DeviceInfo info = detect(REDUCED_WINDOWS, "sec-ch-ua", brands, "sec-ch-ua-platform", "\"Windows\"");
        assertEquals(browser, info.browser());
    }

    @Test
    void detectWhenOnlyGreaseBrandsThenUserAgentBrowserKept() {
        assertEquals("Edge 120", detect(REDUCED_WINDOWS + " Edg/120.0.2210.61",
                "sec-ch-ua", "\"Not_A Brand\";v=\"8\", \"Not.A/Brand\";v=\"24\"").browser());
    }

    @Test
    void detectWhenFullVersionListSentThenItWinsOverShortList() {
        DeviceInfo info = detect(REDUCED_WINDOWS, "sec-ch-ua", "\"Chromium\";v=\"120\"",
                "sec-ch-ua-full-version-list", "\"Microsoft Edge\";v=\"121.0.2277.83\", \"Chromium\";v=\"121.0.6167.85\"");
        assertEquals("Edge 121", info.browser());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Google Chrome;v=120", "\"Chromium\";v=\"120\",", "(\"a\" \"b\")", "\"unterminated",
        "\"Chr\u00f6me\";v=\"1\"", "\"Chromium\" \"Edge\"", ";;;", "\"x\";v=\"1\"\u0000", "\"\";v=\"\""})
    void detectWhenBrandListMalformedThenIgnored(String brands) {
        DeviceInfo info = detect(REDUCED_WINDOWS, "sec-ch-ua", brands, "sec-ch-ua-full-version-list", brands);
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Windows 10"), info);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1          | Windows            | 15.0.0        | \"\"",
        "true       | '\"Windows'        | \"15\"\"      | Pixel",
        "?2         | Windows            | '\"abc\"'     | '\"a'",
        "'\"?1\"'   | '\"\"'             | '\"-1.0\"'    | 42",
        "?1?1       | '\"Unknown\"'      | '\"99999999999999999999\"' | '(\"a\")'",
        "'?0, ?1'   | '\"Windows\";'     | '\"15..0\"'   | ?1",
    })
    void detectWhenScalarHintsMalformedThenIgnoredAndUserAgentResultKept(String mobile, String platform,
            String platformVersion, String model) {
        DeviceInfo info = detect(REDUCED_WINDOWS,
                "sec-ch-ua-mobile", mobile,
                "sec-ch-ua-platform", platform,
                "sec-ch-ua-platform-version", platformVersion,
                "sec-ch-ua-model", model);
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chrome 120", "Windows 10"), info);
    }

    /** What headless Chromium on Linux sends when only its user agent string is overridden (--user-agent=...). */
    private static final String[] HEADLESS_LINUX_HINTS = {"sec-ch-ua", "\"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\"",
        "sec-ch-ua-mobile", "?0", "sec-ch-ua-platform", "\"Linux\""};

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1 | MOBILE | Safari 17.1 | iOS 17.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15 | DESKTOP | Safari 17.1 | macOS 10.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0 | DESKTOP | Firefox 121 | Windows 10",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1 | MOBILE | Chrome 120 | iOS 17.1",
    })
    void detectWhenUserAgentIsNotChromiumThenHintsIgnored(String userAgent, DeviceType type, String browser,
            String os) {
        DeviceInfo expected = new DeviceInfo(type, browser, os);
        assertEquals(expected, DETECTOR.detect(UserAgentData.of(userAgent)), "the user agent alone");
        assertEquals(expected, detect(userAgent, HEADLESS_LINUX_HINTS), "Chromium's hints do not describe it");
    }

    @Test
    void detectWhenChromiumUserAgentThenItsHintsStillApply() {
        assertEquals(new DeviceInfo(DeviceType.DESKTOP, "Chromium 156", "Windows 10"),
                detect(REDUCED_WINDOWS, HEADLESS_LINUX_HINTS));
        assertEquals("Edge 121", detect(REDUCED_WINDOWS + " Edg/121.0.2277.83",
                "sec-ch-ua", "\"Microsoft Edge\";v=\"121\", \"Chromium\";v=\"121\"").browser());
        assertEquals("Chrome WebView 120", detect("Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv)"
                        + " AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36",
                "sec-ch-ua", "\"Android WebView\";v=\"120\", \"Chromium\";v=\"120\"").browser());
    }

    @Test
    void detectWhenUserAgentIsBotThenHintsDoNotChangeIt() {
        DeviceInfo info = detect("curl/8.4.0", "sec-ch-ua-mobile", "?1", "sec-ch-ua-platform", "\"Android\"",
                "sec-ch-ua", CHROME_BRANDS);
        assertEquals(new DeviceInfo(DeviceType.BOT, "curl 8", "Unknown"), info);
    }

    @Test
    void detectWhenHintsOverlongThenDroppedBeforeParsing() {
        String longPlatform = "\"" + "W".repeat(300) + "\"";
        assertEquals("Windows 10", detect(REDUCED_WINDOWS, "sec-ch-ua-platform", longPlatform).os());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not_A Brand", "Not A(Brand", "Not)A;Brand", "Not/A)Brand", "Not.A/Brand",
        "Not?A_Brand", "Not=A?Brand", "Not:A-Brand", "Not;A=Brand", "Not-A.Brand", "(Not(A:Brand", " Not A Brand "})
    void isGreaseWhenChromeGreaseSpellingThenTrue(String brand) {
        assertTrue(ClientHints.isGrease(brand));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chromium", "Google Chrome", "Microsoft Edge", "Not A Browser", "Brand", ""})
    void isGreaseWhenRealBrandThenFalse(String brand) {
        assertFalse(ClientHints.isGrease(brand));
    }
}
