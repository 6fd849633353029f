package dev.sessionkit.examples.containers;

/**
 * The unchanged demo WAR in the Apache Tomcat 10.1 distribution, its sessions in a DataSource Tomcat defines
 * ({@code SESSIONKIT_DATASOURCE=jdbc/sessions}).
 */
class Tomcat10DataSourceIT extends AbstractTomcatDistributionIT {

    Tomcat10DataSourceIT() {
        super("sessionkit.it.tomcat10.home", "sessionkit.it.tomcat10.version", true);
    }
}
