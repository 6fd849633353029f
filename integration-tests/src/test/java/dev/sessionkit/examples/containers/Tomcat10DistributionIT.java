package dev.sessionkit.examples.containers;

/** The demo WAR in the Apache Tomcat 10.1 distribution ({@code tomcat10.dist.version} in the root POM). */
class Tomcat10DistributionIT extends AbstractTomcatDistributionIT {

    Tomcat10DistributionIT() {
        super("sessionkit.it.tomcat10.home", "sessionkit.it.tomcat10.version");
    }
}
