import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j Community server for cablegraph: the embedded database with its Bolt connector,
 * authentication on, listening on loopback. Started and stopped by scripts/neo4j-start.sh and
 * scripts/neo4j-stop.sh; shuts the database down cleanly on SIGTERM.
 *
 * Environment: NEO4J_HOME_DIR (data directory), NEO4J_BOLT_HOST, NEO4J_BOLT_PORT, NEO4J_PASSWORD,
 * NEO4J_PAGECACHE (page cache size, e.g. 2g; unset: Neo4j's default, half of the free memory),
 * NEO4J_WARMUP, NEO4J_WARMUP_MB, NEO4J_WARMUP_SECONDS (the page-cache warm-up: PageCacheWarmup).
 */
public final class CablegraphNeo4j {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(env("NEO4J_HOME_DIR", ".neo4j/data")).toAbsolutePath();
    String host = env("NEO4J_BOLT_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
    String password = env("NEO4J_PASSWORD", "cablegraph");

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    String pagecache = env("NEO4J_PAGECACHE", "");
    // On a shared machine the default (half of the free memory) is too greedy: let the caller size it.
    if (!pagecache.isEmpty()) builder.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(pagecache));
    DatabaseManagementService dbms = builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // Keep no old transaction logs (the default keeps two days): bulk loads of tens of
        // millions of relationships otherwise leave tens of GB of logs behind.
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("cablegraph-neo4j: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }));

    setPassword(dbms, password);
    System.out.println("cablegraph-neo4j: ready on bolt://" + host + ":" + port + " (data in " + home + ")");
    // After "ready": the server answers at once, the warm-up fills the page cache behind it.
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    PageCacheWarmup.fromEnvironment(db).ifPresent(PageCacheWarmup::startInBackground);
    stopped.await();
  }

  /** The built-in `neo4j` user gets the configured password (idempotent across restarts). */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Restarting with the same password: Neo4j refuses "old password and new password are the same".
      if (!String.valueOf(e.getMessage()).toLowerCase().contains("same")) throw e;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
