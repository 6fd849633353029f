package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.TestContainer;
import dev.sessionkit.servlet.testing.TomcatContainer;

/** Start-up redaction on embedded Tomcat, which logs through java.util.logging. */
class TomcatStartupRedactionIT extends StartupRedactionContract {

    @Override
    protected TestContainer newContainer() {
        return new TomcatContainer();
    }
}
