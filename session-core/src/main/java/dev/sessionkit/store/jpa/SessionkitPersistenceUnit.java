package dev.sessionkit.store.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The persistence unit, described in code instead of a {@code META-INF/persistence.xml}: an application server
 * would otherwise find that file inside the jar and try to deploy it as a container-managed unit of the app.
 * The shared cache is off ({@link SharedCacheMode#NONE}): rows change under us on other nodes.
 */
final class SessionkitPersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "sessionkit";

    private final DataSource dataSource;
    private final Properties properties;

    SessionkitPersistenceUnit(DataSource dataSource, Properties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return org.eclipse.persistence.jpa.PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return SessionEntity.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return List.of(SessionEntity.class.getName(), UserLockEntity.class.getName(), LeaseEntity.class.getName(),
                SecurityEventEntity.class.getName(), LoginFailureEntity.class.getName(),
                RememberSeriesEntity.class.getName(), RememberLinkEntity.class.getName());
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return SessionEntity.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off: entities are plain classes, so no transformer is ever needed
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return SessionEntity.class.getClassLoader();
    }
}
