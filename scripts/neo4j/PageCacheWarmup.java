import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.pagecache.PageCache;
import org.neo4j.io.pagecache.PagedFile;
import org.neo4j.io.pagecache.context.CursorContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Fills Neo4j's page cache after a start with the store files the viewer reads, so the first
 * requests do not each wait for their pages (Community has no page-cache warm-up of its own:
 * `db.memory.pagecache.warmup` is an Enterprise feature). Runs in one background thread after the
 * server is ready, reads each chosen file front to back through the page cache (`PagedFile.touch`,
 * sequential reads instead of the queries' random ones), most useful first, and stops at a budget of
 * memory and of time. What it did goes to the server's log ("cablegraph-neo4j: warm-up ...").
 *
 * Environment: NEO4J_WARMUP (0 = off), NEO4J_WARMUP_MB (the most it reads; default three quarters
 * of the page cache, so the queries keep room of their own), NEO4J_WARMUP_SECONDS (default 300).
 */
final class PageCacheWarmup {
  /**
   * The indexes the viewer's queries seek (cypher/server): entities by id, co-mentions by `pair`,
   * entities by name; read before the relationship store, the other indexes after it.
   */
  private static final Set<String> VIEWER_INDEXES =
      Set.of("co_mentioned_pair", "entity_id", "person_id", "organization_id", "place_id", "entity_name", "cable_id");
  /** The rank of the long strings and arrays (rank()). */
  private static final int LAST_RANK = 5;
  /** Pages per touch: large enough to read ahead, small enough to check the time often. */
  private static final int CHUNK_PAGES = 256;

  private final GraphDatabaseAPI db;
  private final long budgetBytes;
  private final long budgetNanos;

  private PageCacheWarmup(GraphDatabaseAPI db, long budgetBytes, long budgetNanos) {
    this.db = db;
    this.budgetBytes = budgetBytes;
    this.budgetNanos = budgetNanos;
  }

  /** The warm-up the environment asks for, or none (NEO4J_WARMUP=0). */
  static Optional<PageCacheWarmup> fromEnvironment(GraphDatabaseService service) {
    String on = env("NEO4J_WARMUP", "1");
    if (on.equals("0") || on.equalsIgnoreCase("false") || on.equalsIgnoreCase("off")) {
      log("off (NEO4J_WARMUP=" + on + ")");
      return Optional.empty();
    }
    GraphDatabaseAPI db = (GraphDatabaseAPI) service;
    PageCache cache = db.getDependencyResolver().resolveDependency(PageCache.class);
    long cacheBytes = cache.maxCachedPages() * cache.pageSize();
    String mb = env("NEO4J_WARMUP_MB", "");
    long budget = mb.isEmpty() ? cacheBytes / 4 * 3 : Long.parseLong(mb) * 1024 * 1024;
    long seconds = Long.parseLong(env("NEO4J_WARMUP_SECONDS", "300"));
    return Optional.of(new PageCacheWarmup(db, Math.min(budget, cacheBytes), seconds * 1_000_000_000L));
  }

  void startInBackground() {
    Thread thread = new Thread(this::runLogged, "cablegraph-warmup");
    thread.setDaemon(true); // never holds a shutdown up
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private void runLogged() {
    try {
      run();
    } catch (Exception e) {
      // Best effort: a stopped database or a file closed under it ends the warm-up, not the server.
      log("stopped: " + e);
    }
  }

  /** One store file and where it comes in the order. */
  private record Candidate(PagedFile file, int rank, String label) {}

  private void run() throws IOException {
    long started = System.nanoTime();
    PageCache cache = db.getDependencyResolver().resolveDependency(PageCache.class);
    Map<String, String> indexNames = rangeIndexNames();
    List<Candidate> candidates = new ArrayList<>();
    for (PagedFile file : cache.listExistingMappings()) {
      if (!db.databaseName().equals(file.getDatabaseName())) continue;
      String index = indexNames.get(String.valueOf(file.path().getParent()));
      int rank = rank(file.path(), index);
      String label = label(file.path());
      if (rank >= 0) candidates.add(new Candidate(file, rank, index == null ? label : "index " + index + " (" + label + ")"));
    }
    candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::label));
    log("start: up to " + mb(budgetBytes) + " MB of " + candidates.size() + " store files, "
        + budgetNanos / 1_000_000_000L + " s at most (page cache " + mb(cache.maxCachedPages() * cache.pageSize()) + " MB)");

    long read = 0;
    String stoppedBy = "";
    for (Candidate c : candidates) {
      long fileStarted = System.nanoTime();
      long pages = c.file().getLastPageId() + 1;
      long pageBytes = c.file().pageSize();
      // The long strings and arrays are read whole or not at all: their front alone is no one
      // request's working set, and reading it would hold the queries up for nothing.
      if (c.rank() == LAST_RANK && read + pages * pageBytes > budgetBytes) continue;
      long touched = 0;
      for (long page = 0; page < pages; page += CHUNK_PAGES) {
        int count = (int) Math.min(CHUNK_PAGES, pages - page);
        if (read + (touched + count) * pageBytes > budgetBytes) {
          stoppedBy = "the memory budget (NEO4J_WARMUP_MB)";
          break;
        }
        if (System.nanoTime() - started > budgetNanos) {
          stoppedBy = "the time budget (NEO4J_WARMUP_SECONDS)";
          break;
        }
        touched += c.file().touch(page, count, CursorContext.NULL_CONTEXT);
      }
      read += touched * pageBytes;
      if (touched > 0)
        log(c.label() + ": " + size(touched * pageBytes) + " of " + size(pages * pageBytes) + " in "
            + millis(System.nanoTime() - fileStarted) + " ms");
      if (!stoppedBy.isEmpty()) break;
    }
    log("done: " + read / cache.pageSize() + " pages, " + mb(read) + " MB in " + millis(System.nanoTime() - started) + " ms"
        + (stoppedBy.isEmpty() ? "" : ", stopped by " + stoppedBy));
  }

  /**
   * Where a file comes (lower first), or -1 to leave it: what locates the viewer's starting points
   * (node records, relationship groups and degrees of the dense nodes, tokens, counts, the viewer's
   * indexes), then the relationship records the expansions walk, the property records every answer
   * reads its values from, the other indexes, and last the long strings and arrays (the
   * co-mentions' evidence: most of the store, read only by an evidence request). Id files (free-id
   * lists) serve writes only.
   */
  private static int rank(Path path, String index) {
    String name = path.getFileName().toString();
    if (name.endsWith(".id")) return -1;
    if (path.toString().contains("/schema/index/")) return index != null && VIEWER_INDEXES.contains(index) ? 1 : 4;
    if (name.equals("neostore.relationshipstore.db")) return 2;
    if (name.equals("neostore.propertystore.db")) return 3;
    if (name.equals("neostore.propertystore.db.strings") || name.equals("neostore.propertystore.db.arrays")) return LAST_RANK;
    if (name.startsWith("neostore")) return 0; // nodes, labels, groups, degrees, counts, tokens
    return -1; // anything else (logs): nothing a query reads
  }

  /** The range indexes' folders (schema/index/range-1.0/<id>) and their names. */
  private Map<String, String> rangeIndexNames() {
    Map<String, String> names = new HashMap<>();
    Path root = db.databaseLayout().databaseDirectory().resolve("schema").resolve("index");
    try (Transaction tx = db.beginTx();
        Result rows = tx.execute("SHOW RANGE INDEXES YIELD id, name, indexProvider RETURN id, name, indexProvider")) {
      while (rows.hasNext()) {
        var row = rows.next();
        Path dir = root.resolve(String.valueOf(row.get("indexProvider"))).resolve(String.valueOf(row.get("id")));
        names.put(dir.toString(), String.valueOf(row.get("name")));
      }
    }
    return names;
  }

  /** A file's name for the log: its path inside the database folder. */
  private String label(Path path) {
    Path dir = db.databaseLayout().databaseDirectory();
    return path.startsWith(dir) ? dir.relativize(path).toString() : path.toString();
  }

  private static String mb(long bytes) {
    return String.valueOf(Math.round(bytes / 1048576.0));
  }

  /** A size for the log: KB under a megabyte, MB above. */
  private static String size(long bytes) {
    return bytes < 1048576 ? Math.round(bytes / 1024.0) + " KB" : mb(bytes) + " MB";
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000L;
  }

  private static void log(String message) {
    System.out.println("cablegraph-neo4j: warm-up " + message);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
