/**
 * IP address literals read and written without ever touching DNS, for every Sessionkit module that handles
 * addresses as text: the {@code trusted-proxies} setting, a request's {@code X-Forwarded-For} header, the address
 * recorded with a session and looked up for its location.
 *
 * <p>{@code InetAddress.getByName} resolves whatever is not a literal and accepts odd literal forms
 * ({@code 1.2.3}, {@code 0x7f.1}, {@code 010.0.0.1}), so untrusted text must never reach it.
 * {@link dev.sessionkit.net.IpLiterals} parses the two standard textual forms itself and creates addresses only with
 * {@link java.net.InetAddress#getByAddress(String, byte[])}, which performs no lookup; it also writes addresses in
 * one canonical form (RFC 5952 for IPv6). Everything here is stateless and thread-safe.
 */
package dev.sessionkit.net;
