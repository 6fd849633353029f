package bench;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import ua_parser.Client;
import ua_parser.Parser;

/** Builds each parser and maps its answer to desktop/mobile/tablet/bot/unknown. */
final class Parsers {
    static final String[] MIN_FIELDS = {"DeviceClass", "AgentNameVersionMajor", "OperatingSystemNameVersion"};

    static Object build(String which) {
        switch (which) {
            case "uap": return new Parser();
            case "yauaa": return UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withoutCache()
                    .immediateInitialization().build();
            case "yauaa-min": return UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withoutCache()
                    .withFields(MIN_FIELDS).immediateInitialization().build();
            default: throw new IllegalArgumentException(which);
        }
    }

    static String classify(Object parser, String ua) {
        if (parser instanceof Parser p) {
            return uapClass(ua, p.parse(ua));
        }
        return yauaaClass(((UserAgentAnalyzer) parser).parse(ua));
    }

    static String describe(Object parser, String ua) {
        if (parser instanceof Parser p) {
            Client c = p.parse(ua);
            return c.userAgent.family + " " + c.userAgent.major + " | " + c.os.family + " " + c.os.major + "."
                    + c.os.minor + " | " + c.device.family;
        }
        UserAgent u = ((UserAgentAnalyzer) parser).parse(ua);
        return u.getValue("AgentNameVersionMajor") + " | " + u.getValue("OperatingSystemNameVersion") + " | "
                + u.getValue("DeviceClass");
    }

    // The rules Sessionkit applies on top of uap-java, which has no device class of its own.
    private static final Pattern BOT = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|curl/|wget/|python-requests|go-http-client|java-http-client"
            + "|httpclient|okhttp|facebookexternalhit|^java/", Pattern.CASE_INSENSITIVE);

    static String uapClass(String ua, Client c) {
        String dev = c.device.family;
        String os = c.os.family;
        if ("Spider".equals(dev) || BOT.matcher(ua).find()) return "bot";
        String lower = ua.toLowerCase(Locale.ROOT);
        if ("iPad".equals(dev) || dev.startsWith("Kindle") || lower.contains("tablet") || lower.contains("kindle")
                || ("Android".equals(os) && !lower.contains("mobile"))) return "tablet";
        if ("iPhone".equals(dev) || "iPod".equals(dev) || "iOS".equals(os) || "Android".equals(os)
                || lower.contains("mobile") || os.startsWith("Windows Phone")) return "mobile";
        if (os.startsWith("Windows") || "Mac OS X".equals(os) || "Linux".equals(os) || "Ubuntu".equals(os)
                || "Chrome OS".equals(os) || "Fedora".equals(os)) return "desktop";
        return "unknown";
    }

    static String yauaaClass(UserAgent u) {
        String dc = u.getValue("DeviceClass");
        switch (dc) {
            case "Desktop": return "desktop";
            case "Phone": case "Mobile": return "mobile";
            case "Tablet": case "eReader": return "tablet";
            case "Robot": case "Robot Mobile": case "Robot Imitator": case "Spy": case "Hacker": return "bot";
            default: return "unknown";
        }
    }
}
