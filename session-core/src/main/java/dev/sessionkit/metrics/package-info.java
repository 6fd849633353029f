/**
 * Sessionkit's figures for monitoring: {@link dev.sessionkit.metrics.SessionCounts} (plain counters every instance
 * keeps), shown to Micrometer by {@link dev.sessionkit.metrics.SessionkitMeterBinder} or to JMX by
 * {@link dev.sessionkit.metrics.SessionkitStats}.
 */
package dev.sessionkit.metrics;
