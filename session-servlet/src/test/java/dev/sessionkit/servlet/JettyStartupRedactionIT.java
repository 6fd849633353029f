package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestContainer;

/** Start-up redaction on Jetty 12 (ee10), which logs through SLF4J to the console. */
class JettyStartupRedactionIT extends StartupRedactionContract {

    @Override
    protected TestContainer newContainer() {
        return new JettyContainer();
    }
}
