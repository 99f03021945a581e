package dev.portico.web.datasource;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical connection factory behind {@code java:app/jdbc/portico}; Payara pools it.
 * It reads {@code portico.db.url|user|password} from MicroProfile Config, so the environment
 * ({@code PORTICO_DB_URL}, ...) picks the database. Default: embedded Derby on disk under
 * {@code ~/.portico/derby}. Drivers are chosen by URL, not through DriverManager, whose
 * class-loader rules do not fit drivers shipped inside an EAR.
 */
public class PorticoDataSource implements DataSource {

    private volatile Target target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private record Target(Driver driver, String url, Properties credentials) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target t = target();
        return t.driver().connect(t.url(), t.credentials());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (username == null) {
            return getConnection();
        }
        Target t = target();
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return t.driver().connect(t.url(), credentials);
    }

    private Target target() throws SQLException {
        Target t = target;
        if (t == null) {
            synchronized (this) {
                if (target == null) {
                    target = resolve(ConfigProvider.getConfig(PorticoDataSource.class.getClassLoader()));
                }
                t = target;
            }
        }
        return t;
    }

    static Target resolve(Config config) throws SQLException {
        String url = config.getOptionalValue("portico.db.url", String.class).orElseGet(PorticoDataSource::defaultUrl);
        Properties credentials = new Properties();
        config.getOptionalValue("portico.db.user", String.class).ifPresent(user -> credentials.setProperty("user", user));
        config.getOptionalValue("portico.db.password", String.class)
                .ifPresent(password -> credentials.setProperty("password", password));
        for (Driver driver : List.<Driver>of(new org.apache.derby.jdbc.EmbeddedDriver(), new org.postgresql.Driver())) {
            if (driver.acceptsURL(url)) {
                return new Target(driver, url, credentials);
            }
        }
        throw new SQLException("portico.db.url names an unsupported database; use jdbc:derby: or jdbc:postgresql:");
    }

    static String defaultUrl() {
        Path home = Path.of(System.getProperty("user.home"), ".portico", "derby");
        return "jdbc:derby:" + home + ";create=true";
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
