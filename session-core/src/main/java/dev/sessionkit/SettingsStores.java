package dev.sessionkit;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.DataSourceNotFoundException;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Opens the store the settings describe: a DataSource (given, or found in JNDI) or a JDBC URL. */
final class SettingsStores {

    private static final System.Logger LOG = System.getLogger(Sessionkit.class.getName());

    private SettingsStores() {
    }

    /**
     * Opens the database store.
     *
     * @param settings where the database is
     * @param dataSource a DataSource the app passed, which wins over every setting
     * @return the open store, which the caller closes
     * @throws InvalidSettingException naming the key and the fix when it cannot be opened
     */
    static SessionStore open(SessionkitSettings settings, Optional<DataSource> dataSource) {
        Optional<DataSource> source = dataSource.or(() -> settings.datasource().map(SettingsStores::lookup));
        if (source.isPresent()) {
            return JpaSessionStores.open(source.get(), settings.schema());
        }
        if (settings.jdbcUrl().equals(SessionkitSettings.defaults().jdbcUrl())) {
            LOG.log(System.Logger.Level.WARNING, "Sessionkit is using its demo database "
                    + settings.jdbcUrl() + "; set jdbc-url or datasource for production.");
        }
        return JpaSessionStores.open(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                settings.schema());
    }

    private static DataSource lookup(String name) {
        try {
            InitialContext context = new InitialContext();
            try {
                return (DataSource) context.lookup(name);
            } catch (NamingException notGlobal) {
                // Containers bind resources under java:comp/env/; accept the short name users often write.
                if (name.startsWith("java:")) {
                    throw notGlobal;
                }
                return (DataSource) context.lookup("java:comp/env/" + name);
            }
        } catch (NamingException | ClassCastException e) {
            throw new DataSourceNotFoundException(name, "Cannot find the DataSource '" + name
                    + "' in JNDI: " + CredentialRedactor.redactText(e.getMessage()) + ". Define it in the container "
                    + "(e.g. a <Resource> in Tomcat's context.xml) or set jdbc-url instead.", e);
        }
    }
}
