package dev.sessionkit.examples.containers;

/** The demo WAR in the Apache Tomcat 11 distribution ({@code tomcat11.dist.version} in the root POM). */
class Tomcat11DistributionIT extends AbstractTomcatDistributionIT {

    Tomcat11DistributionIT() {
        super("sessionkit.it.tomcat11.home", "sessionkit.it.tomcat11.version");
    }
}
