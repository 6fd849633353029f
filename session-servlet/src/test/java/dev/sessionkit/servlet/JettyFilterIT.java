package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestContainer;

/** The filter contract on Jetty 12 (ee10). */
class JettyFilterIT extends FilterContract {

    @Override
    protected TestContainer newContainer() {
        return new JettyContainer();
    }
}
