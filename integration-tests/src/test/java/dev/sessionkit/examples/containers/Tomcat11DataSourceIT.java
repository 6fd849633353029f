package dev.sessionkit.examples.containers;

/**
 * The unchanged demo WAR in the Apache Tomcat 11 distribution, its sessions in a DataSource Tomcat defines
 * ({@code SESSIONKIT_DATASOURCE=jdbc/sessions}).
 */
class Tomcat11DataSourceIT extends AbstractTomcatDistributionIT {

    Tomcat11DataSourceIT() {
        super("sessionkit.it.tomcat11.home", "sessionkit.it.tomcat11.version", true);
    }
}
