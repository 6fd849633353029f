package dev.sessionkit.security;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of "This wasn't me" links: the event's id and an expiry, signed with HMAC-SHA256. A token carries no
 * session secret and works without being signed in; single use comes from the report it records, which exists at
 * most once per event. Immutable and thread-safe.
 */
public final class ReportLinks {

    /** How long a link in an alert works. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    private static final int ID_BYTES = 16;
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * Links signed with a key.
     *
     * @param secret the signing secret, at least 32 bytes; the same on every node
     * @param clock for expiry
     */
    public ReportLinks(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the link secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the secret to sign with: the {@code alert-link-secret} setting, or one drawn for this start (links
     * then work on this node until it restarts; logged once).
     *
     * @param configured the setting's value
     * @param random where a drawn secret comes from
     * @return the secret's bytes
     */
    public static byte[] secret(java.util.Optional<String> configured, java.security.SecureRandom random) {
        if (configured.isPresent()) {
            return configured.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        System.getLogger(ReportLinks.class.getName()).log(System.Logger.Level.INFO, "alert-link-secret is not set:"
                + " \"This wasn't me\" links work on this node until it restarts; set it, the same on every node.");
        byte[] drawn = new byte[32];
        random.nextBytes(drawn);
        return drawn;
    }

    /** The outcome of checking a token. */
    public sealed interface Checked {
        /**
         * A well-signed, unexpired token.
         *
         * @param event the event it reports
         */
        record Valid(EventId event) implements Checked {
        }

        /** Well-signed but past its lifetime. */
        record Expired() implements Checked {
        }

        /** Not a token this app made: malformed, or the signature does not match. */
        record Invalid() implements Checked {
        }
    }

    /**
     * Makes the token of a link reporting an event.
     *
     * @param event the event, normally a sign-in an alert is about
     * @return URL-safe text for a query parameter
     */
    public String tokenFor(EventId event) {
        byte[] id = Base64.getUrlDecoder().decode(event.value());
        ByteBuffer body = ByteBuffer.allocate(ID_BYTES + EXPIRY_BYTES);
        body.put(id).putLong(clock.instant().plus(LIFETIME).getEpochSecond());
        byte[] signed = ByteBuffer.allocate(ID_BYTES + EXPIRY_BYTES + MAC_BYTES).put(body.array())
                .put(mac(body.array())).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /**
     * Checks a token from a link, untrusted text.
     *
     * @param token the text; may be null or garbage
     * @return valid with the event, expired, or invalid
     */
    public Checked check(String token) {
        byte[] raw;
        try {
            raw = token == null || token.length() > 64 ? null : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            raw = null;
        }
        if (raw == null || raw.length != ID_BYTES + EXPIRY_BYTES + MAC_BYTES) {
            return new Checked.Invalid();
        }
        byte[] body = Arrays.copyOf(raw, ID_BYTES + EXPIRY_BYTES);
        byte[] given = Arrays.copyOfRange(raw, ID_BYTES + EXPIRY_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac(body), given)) {
            return new Checked.Invalid();
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(body, ID_BYTES, EXPIRY_BYTES).getLong());
        if (!clock.instant().isBefore(expires)) {
            return new Checked.Expired();
        }
        return new Checked.Valid(new EventId(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(body, ID_BYTES))));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
