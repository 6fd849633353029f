package dev.sessionkit.servlet;

import dev.sessionkit.servlet.testing.TestContainer;
import dev.sessionkit.servlet.testing.TomcatContainer;
import org.junit.jupiter.api.Test;

/**
 * The filter contract on embedded Tomcat. The build runs it twice, on Tomcat 11 and on Tomcat 10.1 (see the
 * Failsafe executions in this module's pom).
 */
class TomcatFilterIT extends FilterContract {

    @Override
    protected TestContainer newContainer() {
        return new TomcatContainer();
    }

    @Test
    void theTomcatTheBuildChoseIsTheOneRunning() {
        TomcatContainer.assertExpectedTomcat();
    }
}
