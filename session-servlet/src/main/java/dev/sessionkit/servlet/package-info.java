/**
 * Sessionkit for servlet containers: {@link dev.sessionkit.servlet.SessionFilter} validates every request against
 * the session store and exposes the user; {@link dev.sessionkit.servlet.SessionLogin} is what application code
 * calls to sign users in and out. Nothing is filtered unless the application declares the filter.
 */
package dev.sessionkit.servlet;
