/**
 * Security monitoring: the security event log, sign-in attempt defence, risk signals and the policy that maps
 * them to actions, and the audit stream for SIEM tools.
 */
package dev.sessionkit.security;
