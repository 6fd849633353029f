package dev.sessionkit.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The User-Agent Client Hints of one request, read tolerantly, and how they refine what the user agent string said.
 * Chrome's reduced user agent freezes the platform ({@code Windows NT 10.0}, {@code Android 10; K},
 * {@code Mac OS X 10_15_7}), so where a hint is sent and well-formed it wins. Only Chromium-based browsers send
 * hints, so they are read only when the user agent string is a Chromium one (or empty): a Firefox or Safari user agent
 * that arrives with hints comes from a Chromium browser whose user agent string was overridden (a user-agent switcher,
 * {@code --user-agent}, device emulation), and mixing the two would describe no real device ("Chromium on iOS").
 * Immutable.
 */
final class ClientHints {

    private static final ClientHints NONE = new ClientHints(null, null, null, null, null);

    private static final Set<String> DESKTOP_PLATFORMS = Set.of("Windows", "macOS", "Linux", "Chrome OS",
            "Chromium OS");

    /** Brand as sent → name shown, matching the names {@link UserAgentClassifier} gives the same browsers. */
    private static final Map<String, String> BRAND_NAMES = Map.of(
            "Google Chrome", "Chrome",
            "Microsoft Edge", "Edge",
            "Android WebView", "Chrome WebView",
            "YaBrowser", "Yandex Browser",
            "Yandex", "Yandex Browser");

    /** Model names of common tablets: Galaxy Tab (SM-T/P/X), Fire (KF..), Lenovo Tab, "... Pad", "... Tablet". */
    private static final Pattern TABLET_MODEL = Pattern.compile(
            "(?i)^sm-[tpx]\\d|^kf[a-z]{2}|^lenovo tb|^tb-|\\btab\\b|pad\\b|tablet");

    private static final Pattern VERSION = Pattern.compile("\\d{1,5}(\\.\\d{1,5})*");

    // Each field is null when its hint was not sent or was malformed.
    private final Boolean mobile;
    private final String platform;
    private final int[] platformVersion;
    private final String model;
    private final String browser;

    private ClientHints(Boolean mobile, String platform, int[] platformVersion, String model, String browser) {
        this.mobile = mobile;
        this.platform = platform;
        this.platformVersion = platformVersion;
        this.model = model;
        this.browser = browser;
    }

    /** Reads the hints of {@code data}; a missing or malformed hint is treated as not sent. */
    static ClientHints from(UserAgentData data) {
        if (data.clientHints().isEmpty() || !mayCarryHints(data.userAgent())) {
            return NONE;
        }
        Boolean mobile = StructuredFields.bool(data.hint("sec-ch-ua-mobile")).orElse(null);
        String platform = StructuredFields.string(data.hint("sec-ch-ua-platform"))
                .map(String::strip).filter(p -> !p.isEmpty() && !"Unknown".equalsIgnoreCase(p)).orElse(null);
        int[] version = StructuredFields.string(data.hint("sec-ch-ua-platform-version"))
                .flatMap(ClientHints::parseVersion).orElse(null);
        String model = StructuredFields.string(data.hint("sec-ch-ua-model"))
                .map(String::strip).filter(m -> !m.isEmpty()).orElse(null);
        Optional<List<StructuredFields.StringMember>> brands =
                StructuredFields.stringList(data.hint("sec-ch-ua-full-version-list"))
                        .filter(list -> !list.isEmpty())
                        .or(() -> StructuredFields.stringList(data.hint("sec-ch-ua")));
        String browser = brands.flatMap(ClientHints::browser).orElse(null);
        return new ClientHints(mobile, platform, version, model, browser);
    }

    /**
     * Tells whether a browser sending {@code userAgent} can send client hints: every Chromium-based browser (Chrome,
     * Edge, Opera, Samsung Internet, Android WebView, headless Chrome, ...) has a {@code Chrome/} token; Firefox,
     * Safari and the iOS browsers built on WebKit ({@code CriOS/}, {@code EdgiOS/}) have none and send no hints. An
     * empty user agent says nothing either way, so there the hints are all there is.
     */
    static boolean mayCarryHints(String userAgent) {
        return userAgent.isBlank() || userAgent.contains("Chrome/");
    }

    /** Returns {@code fromUserAgent} refined by these hints; bots keep what their user agent said. */
    DeviceInfo applyTo(DeviceInfo fromUserAgent) {
        if (this == NONE || fromUserAgent.type() == DeviceType.BOT) {
            return fromUserAgent;
        }
        String browserName = browser != null ? browser : fromUserAgent.browser();
        String os = platform != null ? osName(fromUserAgent.os()) : fromUserAgent.os();
        return new DeviceInfo(type(fromUserAgent.type()), browserName, os);
    }

    private DeviceType type(DeviceType fromUserAgent) {
        if (Boolean.TRUE.equals(mobile)) {
            return DeviceType.MOBILE;
        }
        boolean tabletModel = model != null && TABLET_MODEL.matcher(model).find();
        if ("Android".equals(platform)) {
            // An Android browser that says "not mobile" is a tablet-class device (phones send ?1).
            return Boolean.FALSE.equals(mobile) || tabletModel ? DeviceType.TABLET : fromUserAgent;
        }
        if (tabletModel) {
            return DeviceType.TABLET;
        }
        if (platform != null && DESKTOP_PLATFORMS.contains(platform)
                && (Boolean.FALSE.equals(mobile) || fromUserAgent == DeviceType.UNKNOWN)) {
            return DeviceType.DESKTOP;
        }
        return fromUserAgent;
    }

    private String osName(String fromUserAgent) {
        int[] v = platformVersion;
        switch (platform) {
            case "Windows":
                return v != null ? windows(v) : startsWith(fromUserAgent, "Windows", "Windows");
            case "macOS":
                return v != null ? "macOS " + v[0] + "." + minor(v) : startsWith(fromUserAgent, "macOS", "macOS");
            case "iOS":
                return v != null ? "iOS " + v[0] + "." + minor(v) : startsWith(fromUserAgent, "iOS", "iOS");
            case "Android":
                return v != null ? "Android " + v[0] + (minor(v) > 0 ? "." + minor(v) : "")
                        : startsWith(fromUserAgent, "Android", "Android");
            case "Chrome OS":
            case "Chromium OS":
                return "Chrome OS";
            case "Linux":
                // The user agent may name the distribution ("Ubuntu"); the hint never does.
                return DeviceInfo.UNKNOWN.equals(fromUserAgent) ? "Linux" : fromUserAgent;
            default:
                return v != null ? platform + " " + v[0] : platform;
        }
    }

    /** Chrome's platform version on Windows: 13 and above is Windows 11, 1 to 12 Windows 10, 0.x older ones. */
    private static String windows(int[] v) {
        if (v[0] >= 13) {
            return "Windows 11";
        }
        if (v[0] >= 1) {
            return "Windows 10";
        }
        switch (minor(v)) {
            case 1:
                return "Windows 7";
            case 2:
                return "Windows 8";
            case 3:
                return "Windows 8.1";
            default:
                return "Windows";
        }
    }

    private static int minor(int[] v) {
        return v.length > 1 ? v[1] : 0;
    }

    private static String startsWith(String fromUserAgent, String prefix, String fallback) {
        return fromUserAgent.startsWith(prefix) ? fromUserAgent : fallback;
    }

    private static Optional<int[]> parseVersion(String text) {
        String t = text.strip();
        if (!VERSION.matcher(t).matches()) {
            return Optional.empty();
        }
        String[] parts = t.split("\\.");
        int[] out = new int[Math.min(parts.length, 3)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(parts[i]); // at most 5 digits: cannot overflow
        }
        return Optional.of(out);
    }

    /**
     * Picks the brand to show: GREASE brands ("Not A(Brand") are skipped, a specific brand ("Google Chrome",
     * "Microsoft Edge", "Opera") is preferred over the engine ("Chromium"), and only the major version is kept.
     */
    private static Optional<String> browser(List<StructuredFields.StringMember> brands) {
        StructuredFields.StringMember chosen = null;
        for (StructuredFields.StringMember brand : brands) {
            String name = brand.value().strip();
            if (name.isEmpty() || isGrease(name)) {
                continue;
            }
            if (!"Chromium".equals(name)) {
                chosen = brand;
                break;
            }
            if (chosen == null) {
                chosen = brand;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String name = chosen.value().strip();
        String shown = BRAND_NAMES.getOrDefault(name, name);
        String version = chosen.version();
        if (version != null && VERSION.matcher(version).matches()) {
            int dot = version.indexOf('.');
            shown = shown + " " + (dot < 0 ? version : version.substring(0, dot));
        }
        return Optional.of(shown);
    }

    /** Chrome's GREASE brands spell "Not A Brand" with varying punctuation: "Not_A Brand", "Not/A)Brand", ... */
    static boolean isGrease(String brand) {
        StringBuilder letters = new StringBuilder(brand.length());
        for (int i = 0; i < brand.length(); i++) {
            char c = brand.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(Character.toLowerCase(c));
            }
        }
        return "notabrand".contentEquals(letters);
    }
}
