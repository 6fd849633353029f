/**
 * "Keep me signed in", per device: {@link dev.sessionkit.remember.RememberMe} remembers a device at sign-in, starts
 * a new session from its cookie when the session is gone, replaces the cookie's validator on every use, and forgets
 * the device, ending its sessions, when a replaced validator comes back (a copied cookie).
 */
package dev.sessionkit.remember;
