package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names one container login for {@link ContainerLogins}.
 *
 * @param inContainerSession true when {@link #value} is the container's session id (FORM), false when it is a
 *     keyed hash of credentials sent with every request (BASIC, DIGEST, CLIENT_CERT)
 * @param value the session id or the hash; never the credentials themselves
 */
record LoginKey(boolean inContainerSession, String value) {

    /** Authentication methods whose requests each carry the credentials, so the login is those credentials. */
    private static final Set<String> PER_REQUEST = Set.of(HttpServletRequest.BASIC_AUTH,
            HttpServletRequest.DIGEST_AUTH, HttpServletRequest.CLIENT_CERT_AUTH);

    LoginKey {
        Objects.requireNonNull(value, "value");
    }

    /** Derives keys; holds a random per-start secret so a key says nothing about the credentials it names. */
    static final class Deriver {
        private static final String ALGORITHM = "HmacSHA256";
        private final SecretKeySpec secret;

        Deriver(SecureRandom random) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            this.secret = new SecretKeySpec(bytes, ALGORITHM);
        }

        /**
         * The key of the login a request carries. For credentials it covers the method, the user, BASIC's
         * {@code Authorization} header and the browser: its id cookie, or (for a browser that returns no cookie)
         * its address and user agent, so that two devices with the same password are two logins.
         */
        LoginKey of(HttpServletRequest request, Principal user, Optional<String> browserId) {
            String authType = Objects.requireNonNullElse(request.getAuthType(), "");
            HttpSession containerSession = request.getSession(false);
            if (containerSession != null && !PER_REQUEST.contains(authType)) {
                return new LoginKey(true, containerSession.getId());
            }
            String browser = browserId.map(id -> "bid " + id).orElseGet(() -> "client " + request.getRemoteAddr()
                    + " " + Objects.requireNonNullElse(request.getHeader("User-Agent"), ""));
            // BASIC's header is the password itself, so a new password is a new login; DIGEST's changes every request.
            String credentials = HttpServletRequest.BASIC_AUTH.equals(authType)
                    ? Objects.requireNonNullElse(request.getHeader("Authorization"), "") : "";
            return new LoginKey(false, hash(String.join("\u0000", authType, user.getName(), credentials, browser)));
        }

        private String hash(String text) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(secret);
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                // HmacSHA256 is a required algorithm of every Java platform: this cannot happen on a real JVM.
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }
    }
}
