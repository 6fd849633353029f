package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestContainer;

/** The sign-in guards on Jetty 12 (ee10). */
class JettySignInGuardsIT extends SignInGuardsContract {

    @Override
    protected TestContainer newContainer() {
        return new JettyContainer();
    }
}
