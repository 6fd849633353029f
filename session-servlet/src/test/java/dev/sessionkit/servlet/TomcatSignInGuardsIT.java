package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.TestContainer;
import dev.sessionkit.servlet.testing.TomcatContainer;

/** The sign-in guards on embedded Tomcat; the build runs it on Tomcat 11 and on Tomcat 10.1. */
class TomcatSignInGuardsIT extends SignInGuardsContract {

    @Override
    protected TestContainer newContainer() {
        return new TomcatContainer();
    }
}
