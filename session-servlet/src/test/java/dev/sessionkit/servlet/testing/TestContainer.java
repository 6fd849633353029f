package dev.sessionkit.servlet.testing;

import java.net.URI;

/** An embedded servlet container running {@link TestApp} on 127.0.0.1 and a free port. */
public interface TestContainer extends AutoCloseable {

    /** Deploys the test app with the filter on {@code /*} and starts; throws when the deployment fails. */
    URI start(TestApp.FilterSetup filter) throws Exception;

    /** Stops the container, which destroys the filter. */
    @Override
    void close() throws Exception;

    /** A short name for test output, e.g. "jetty-12". */
    String name();
}
