package dev.portico.it.support;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite runs twice: on embedded Derby, then on PostgreSQL ({@code it.postgres.url}, by default
 * 127.0.0.1:5432, database {@code test}, schema {@code portico_it}, emptied first). Where no
 * PostgreSQL answers, the second run is skipped and says so, instead of failing a machine that lacks it.
 */
public class DatabaseUnderTest implements ExecutionCondition {

    private static ConditionEvaluationResult verdict;

    @Override
    public synchronized ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (verdict == null) {
            verdict = decide();
            System.out.println("[portico-it] database: " + verdict.getReason().orElse(""));
        }
        return verdict;
    }

    /** True in the PostgreSQL pass. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("it.database"));
    }

    /** The PostgreSQL server's maintenance database ({@code postgres}) on the host and port of {@code it.postgres.url}. */
    public static String maintenanceUrl() {
        URI address = address();
        return "jdbc:postgresql://" + address.getHost() + ":" + address.getPort() + "/postgres";
    }

    /** The name of the database the tests' server uses ({@code test} by default). */
    public static String databaseName() {
        return address().getPath().substring(1);
    }

    private static URI address() {
        return URI.create(System.getProperty("it.postgres.url").substring("jdbc:".length()));
    }

    private static ConditionEvaluationResult decide() {
        if (!postgresql()) {
            return ConditionEvaluationResult.enabled("embedded Derby (in memory)");
        }
        String url = System.getProperty("it.postgres.url");
        URI address = address();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 2000);
        } catch (Exception e) {
            return ConditionEvaluationResult.disabled("PostgreSQL run skipped: nothing answers at "
                    + address.getHost() + ":" + address.getPort());
        }
        try (Connection connection = DriverManager.getConnection(url.replaceAll("\\?.*", ""), "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS portico_it CASCADE");
            sql.execute("CREATE SCHEMA portico_it");
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL answers at " + address.getHost() + ":" + address.getPort()
                    + " but cannot be prepared: " + e, e);
        }
        return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
    }
}
