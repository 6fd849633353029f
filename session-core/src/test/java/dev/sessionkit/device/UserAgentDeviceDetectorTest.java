package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real user agents as browsers, phones, tablets, bots and libraries send them, with what Sessionkit records. */
class UserAgentDeviceDetectorTest {

    private static final DeviceDetector DETECTOR = DeviceDetector.standard();

    @ParameterizedTest(name = "{0} {1} / {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        # Desktop browsers
        DESKTOP | Chrome 120           | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
        DESKTOP | Chrome 120           | macOS 10.15   | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
        DESKTOP | Chrome 119           | Linux         | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36
        DESKTOP | Chrome 109           | Windows 7     | Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36
        DESKTOP | Chrome 120           | Chrome OS     | Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
        DESKTOP | Firefox 121          | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0
        DESKTOP | Firefox 120          | macOS 10.15   | Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:120.0) Gecko/20100101 Firefox/120.0
        DESKTOP | Firefox 115          | Ubuntu        | Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0
        DESKTOP | Firefox 120          | Fedora        | Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0
        DESKTOP | Firefox 115          | Windows 8.1   | Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0
        DESKTOP | Firefox 52           | Windows XP    | Mozilla/5.0 (Windows NT 5.1; rv:52.0) Gecko/20100101 Firefox/52.0
        DESKTOP | Safari 17.1          | macOS 10.15   | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15
        DESKTOP | Edge 120             | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61
        DESKTOP | Edge 120             | macOS 10.15   | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.77
        DESKTOP | Opera 105            | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0
        DESKTOP | Yandex Browser 23    | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 YaBrowser/23.11.0.0 Safari/537.36
        DESKTOP | Internet Explorer 11 | Windows 10    | Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko
        DESKTOP | Internet Explorer 8  | Windows 7     | Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; WOW64; Trident/4.0; SLCC2; .NET CLR 2.0.50727; Media Center PC 6.0; Tablet PC 2.0)
        # Phones
        MOBILE  | Safari 17.1          | iOS 17.1      | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1
        MOBILE  | Chrome 120           | iOS 17.1      | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1
        MOBILE  | Firefox 120          | iOS 16.6      | Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/120.0 Mobile/15E148 Safari/605.1.15
        MOBILE  | Facebook             | iOS 16.5      | Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone14,2;FBMD/iPhone;FBSN/iOS;FBSV/16.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]
        MOBILE  | Safari 15.6          | iOS 15.7      | Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1
        MOBILE  | Chrome 120           | Android 10    | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36
        MOBILE  | Chrome 120           | Android 14    | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36
        MOBILE  | Chrome 34            | Android 4.4   | Mozilla/5.0 (Linux; Android 4.4.2; GT-I9505 Build/KOT49H) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/34.0.1847.114 Mobile Safari/537.36
        MOBILE  | Chrome 119           | Android 9     | Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36
        MOBILE  | Samsung Internet 23  | Android 13    | Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36
        MOBILE  | Firefox 121          | Android 14    | Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0
        MOBILE  | Chrome WebView 119   | Android 12    | Mozilla/5.0 (Linux; Android 12; SM-G991B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36
        MOBILE  | Opera Mobile 79      | Android 10    | Mozilla/5.0 (Linux; Android 10; VOG-L29) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 OPR/79.0.4195.76780
        MOBILE  | Edge 120             | Android 10    | Mozilla/5.0 (Linux; Android 10; HD1913) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.116 Mobile Safari/537.36 EdgA/120.0.2210.84
        MOBILE  | IE Mobile 11         | Windows Phone 8.1 | Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; Touch; rv:11.0; IEMobile/11.0; NOKIA; Lumia 635) like iPhone OS 7_0_3 Mac OS X AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537
        MOBILE  | Firefox 48           | KaiOS 2.5     | Mozilla/5.0 (Mobile; rv:48.0; A405DL) Gecko/48.0 Firefox/48.0 KAIOS/2.5
        # Tablets and e-readers
        TABLET  | Safari 16.6          | iOS 16.6      | Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1
        TABLET  | Chrome 120           | iOS 17.1      | Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1
        TABLET  | Chrome 120           | Android 10    | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
        TABLET  | Chrome 120           | Android 13    | Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
        TABLET  | Samsung Internet 22  | Android 12    | Mozilla/5.0 (Linux; Android 12; SM-T870) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/22.0 Chrome/111.0.5563.116 Safari/537.36
        TABLET  | Amazon Silk 119      | Android 9     | Mozilla/5.0 (Linux; Android 9; KFMAWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/119.3.1 like Chrome/119.0.6045.193 Safari/537.36
        TABLET  | Firefox 121          | Android 13    | Mozilla/5.0 (Android 13; Tablet; rv:121.0) Gecko/121.0 Firefox/121.0
        TABLET  | Kindle 3             | Kindle 3.0    | Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/531.2+ Kindle/3.0+
        # Crawlers, link previewers, HTTP libraries, automation
        BOT     | Googlebot 2          | Unknown       | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
        BOT     | Googlebot 2          | Android 6     | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
        BOT     | bingbot 2            | Unknown       | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)
        BOT     | GPTBot 1             | Unknown       | Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)
        BOT     | Baiduspider 2        | Unknown       | Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)
        BOT     | FacebookBot 1        | Unknown       | facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)
        BOT     | Slackbot-LinkExpanding 1 | Unknown   | Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)
        BOT     | curl 8               | Unknown       | curl/8.4.0
        BOT     | Wget 1               | Unknown       | Wget/1.21.3
        BOT     | Python Requests 2    | Unknown       | python-requests/2.31.0
        BOT     | Go-http-client 1     | Unknown       | Go-http-client/1.1
        BOT     | Java-http-client 17  | Unknown       | Java-http-client/17.0.9
        BOT     | Java 8               | Unknown       | Java/1.8.0_392
        BOT     | okhttp 4             | Unknown       | okhttp/4.12.0
        BOT     | Apache-HttpClient 4  | Unknown       | Apache-HttpClient/4.5.14 (Java/17.0.9)
        BOT     | PostmanRuntime 7     | Unknown       | PostmanRuntime/7.36.0
        BOT     | HeadlessChrome 120   | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36
        # Neither desktop nor handheld, or nothing to tell
        UNKNOWN | Samsung Internet 4   | Tizen 6.0     | Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36
        UNKNOWN | Edge 18              | Windows 10    | Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041
        UNKNOWN | Unknown              | Unknown       | Mozilla/5.0
        UNKNOWN | Unknown              | Unknown       | garbage asdf 123 !!!
        UNKNOWN | Unknown              | Unknown       | -
        UNKNOWN | Unknown              | Unknown       | ''
        """)
    void detectWhenRealUserAgentThenTypeBrowserAndOs(DeviceType type, String browser, String os, String userAgent) {
        assertEquals(new DeviceInfo(type, browser, os), DETECTOR.detect(UserAgentData.of(userAgent)));
    }
}
