package dev.sessionkit.device;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua_parser.Client;
import ua_parser.Device;
import ua_parser.OS;
import ua_parser.UserAgent;

/**
 * Turns uap-java's answer for a user agent into a {@link DeviceInfo}: uap-java names browser, OS and device model
 * but has no device class, so the type rules live here. Stateless.
 */
final class UserAgentClassifier {

    private static final String OTHER = "Other";

    /**
     * Crawlers, link previewers, HTTP libraries and headless browsers, matched on the lower-cased user agent;
     * "cubot" is a phone brand, not a bot.
     */
    private static final Pattern BOT = Pattern.compile(
            "(?<!cu)bot\\b|crawl|spider|slurp|^curl/|^wget/|python-requests|python-urllib|python-httpx|aiohttp"
                    + "|go-http-client|java-http-client|^java/|httpclient|okhttp|^dalvik/|libwww-perl|axios/"
                    + "|node-fetch|scrapy|postmanruntime|facebookexternalhit|headlesschrome");

    /** Game consoles and TVs: neither desktop nor mobile, so they stay unknown. */
    private static final Pattern CONSOLE_OR_TV = Pattern.compile(
            "xbox|playstation|nintendo|smart-?tv|\\btv\\b|tizen|web0s|webos|crkey|roku|appletv");

    private static final Pattern TABLET_WORD = Pattern.compile("\\btablet\\b(?! pc)|kindle|silk/|playbook");

    private static final Pattern PRODUCT_TOKEN = Pattern.compile("^([A-Za-z][A-Za-z0-9._-]{0,40})/v?(\\d{1,6})");

    private static final Set<String> MOBILE_OS = Set.of(
            "iOS", "Android", "Windows Phone", "BlackBerry OS", "BlackBerry Tablet OS", "KaiOS", "Symbian OS",
            "Firefox OS", "Sailfish");

    private static final Set<String> DESKTOP_OS = Set.of(
            "Mac OS X", "Linux", "Ubuntu", "Kubuntu", "Xubuntu", "Linux Mint", "Fedora", "Debian", "Red Hat",
            "CentOS", "SUSE", "openSUSE", "Gentoo", "Arch Linux", "Slackware", "Mandriva", "Chrome OS",
            "FreeBSD", "OpenBSD", "NetBSD", "Solaris");

    /** uap-java family → the name shown; the device type already says "mobile". */
    private static final Map<String, String> BROWSER_NAMES = Map.ofEntries(
            Map.entry("Chrome Mobile", "Chrome"),
            Map.entry("Chrome Mobile iOS", "Chrome"),
            Map.entry("Chrome Mobile WebView", "Chrome WebView"),
            Map.entry("Mobile Safari", "Safari"),
            Map.entry("Mobile Safari UI/WKWebView", "Safari WebView"),
            Map.entry("Firefox Mobile", "Firefox"),
            Map.entry("Firefox iOS", "Firefox"),
            Map.entry("Edge Mobile", "Edge"),
            Map.entry("IE", "Internet Explorer"));

    private UserAgentClassifier() {
    }

    static DeviceInfo classify(String userAgent, Client client) {
        UserAgent agent = client.userAgent != null ? client.userAgent : UserAgent.OTHER;
        OS os = client.os != null ? client.os : OS.OTHER;
        String device = client.device != null && client.device.family != null
                ? client.device.family : Device.OTHER.family;
        String osFamily = os.family != null ? os.family : OTHER;

        DeviceType type = type(userAgent.toLowerCase(Locale.ROOT), device, osFamily);
        String browser = browserName(agent);
        if (type == DeviceType.BOT && DeviceInfo.UNKNOWN.equals(browser)) {
            browser = productToken(userAgent);
        }
        String osName = osName(os);
        if (type == DeviceType.UNKNOWN && DeviceInfo.UNKNOWN.equals(browser) && DeviceInfo.UNKNOWN.equals(osName)) {
            return DeviceInfo.unknown();
        }
        return new DeviceInfo(type, browser, osName);
    }

    private static DeviceType type(String lower, String device, String osFamily) {
        if ("Spider".equals(device) || BOT.matcher(lower).find()) {
            return DeviceType.BOT;
        }
        boolean android = "Android".equals(osFamily);
        if (CONSOLE_OR_TV.matcher(lower).find()) {
            return DeviceType.UNKNOWN;
        }
        if ("iPad".equals(device) || device.startsWith("Kindle") || "Generic Tablet".equals(device)
                || TABLET_WORD.matcher(lower).find() || (android && !lower.contains("mobile"))) {
            return DeviceType.TABLET;
        }
        if ("iPhone".equals(device) || "iPod".equals(device) || "Generic Smartphone".equals(device)
                || "Generic Feature Phone".equals(device) || MOBILE_OS.contains(osFamily) || lower.contains("mobi")) {
            return DeviceType.MOBILE;
        }
        if (osFamily.startsWith("Windows") || DESKTOP_OS.contains(osFamily)) {
            return DeviceType.DESKTOP;
        }
        return DeviceType.UNKNOWN;
    }

    private static String browserName(UserAgent agent) {
        if (agent.family == null || OTHER.equals(agent.family)) {
            return DeviceInfo.UNKNOWN;
        }
        String name = BROWSER_NAMES.getOrDefault(agent.family, agent.family);
        if (!isNumber(agent.major)) {
            return name;
        }
        // Safari's minor version is a real release (17.1, 16.6); for the others the major says enough.
        boolean withMinor = "Safari".equals(name) && isNumber(agent.minor);
        return name + " " + agent.major + (withMinor ? "." + agent.minor : "");
    }

    private static String osName(OS os) {
        if (os.family == null || OTHER.equals(os.family)) {
            return DeviceInfo.UNKNOWN;
        }
        switch (os.family) {
            case "Mac OS X":
                return versioned("macOS", os.major, os.minor);
            case "Chrome OS":
                return "Chrome OS"; // uap-java's "version" here is a build number
            case "Android":
                return versioned("Android", os.major, "0".equals(os.minor) ? null : os.minor);
            default:
                return versioned(os.family, os.major, os.minor);
        }
    }

    /** Returns "name major.minor", "name major" or "name"; a major may be a word ("Windows XP"). */
    static String versioned(String name, String major, String minor) {
        if (!isWord(major)) {
            return name;
        }
        return name + " " + major + (isNumber(minor) ? "." + minor : "");
    }

    private static String productToken(String userAgent) {
        Matcher m = PRODUCT_TOKEN.matcher(userAgent);
        if (m.find() && !"Mozilla".equalsIgnoreCase(m.group(1))) {
            return m.group(1) + " " + m.group(2);
        }
        return DeviceInfo.UNKNOWN;
    }

    private static boolean isWord(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
