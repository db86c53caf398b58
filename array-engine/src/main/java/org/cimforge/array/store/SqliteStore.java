package org.cimforge.array.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.EntityKind;

/**
 * Durable store on SQLite in WAL mode: one row per object, one SQLite transaction per engine transaction. With
 * {@code synchronous=NORMAL} a commit is in the WAL before it returns, so it survives a killed process (kill -9);
 * {@code fsync=true} switches to {@code synchronous=FULL} to survive power loss as well.
 */
public final class SqliteStore implements Store {

  private static final String DB_FILE = "array-engine.db";

  private final Connection connection;
  private final PreparedStatement upsert;
  private final PreparedStatement delete;
  private final PreparedStatement saveCounter;

  /** Opens (creating if needed) the store in {@code directory}. */
  public SqliteStore(Path directory, boolean fsync) {
    try {
      Files.createDirectories(directory);
      connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(DB_FILE).toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (fsync ? "FULL" : "NORMAL"));
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS entity (kind TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL,"
            + " PRIMARY KEY (kind, id)) WITHOUT ROWID");
        s.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      }
      checkFormat();
      connection.setAutoCommit(false);
      upsert = connection.prepareStatement("INSERT OR REPLACE INTO entity (kind, id, data) VALUES (?, ?, ?)");
      delete = connection.prepareStatement("DELETE FROM entity WHERE kind = ? AND id = ?");
      saveCounter = connection.prepareStatement("INSERT OR REPLACE INTO meta (name, value) VALUES ('next_id', ?)");
    } catch (Exception e) {
      throw new StoreException("cannot open the engine store in " + directory, e);
    }
  }

  /**
   * The {@code synchronous} level this store's connection runs with, as SQLite reports it: 1 (NORMAL) by default,
   * 2 (FULL) with fsync. The setting is per connection, so only this store's own connection can tell.
   */
  public synchronized int synchronousLevel() {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
      rs.next();
      int level = rs.getInt(1);
      connection.commit();
      return level;
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's synchronous setting", e);
    }
  }

  private void checkFormat() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE name = 'format'")) {
      if (rs.next()) {
        int found = rs.getInt(1);
        if (found != RecordCodec.FORMAT) {
          throw new SQLException("data directory holds format " + found + ", this engine reads format "
              + RecordCodec.FORMAT);
        }
        return;
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO meta (name, value) VALUES ('format', " + RecordCodec.FORMAT + ")");
    }
  }

  @Override
  public synchronized Snapshot load() {
    List<Entity> entities = new ArrayList<>();
    long nextId = 1;
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT kind, data FROM entity")) {
        while (rs.next()) {
          EntityKind kind = EntityKind.valueOf(rs.getString(1));
          entities.add(RecordCodec.decode(kind.type(), rs.getBytes(2)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE name = 'next_id'")) {
        if (rs.next()) {
          nextId = rs.getLong(1);
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot read the engine store", e);
    }
    return new Snapshot(entities, nextId);
  }

  @Override
  public synchronized void commit(Collection<Entity> puts, Collection<Key> deletes, long nextId) {
    try {
      for (Entity entity : puts) {
        upsert.setString(1, entity.kind().name());
        upsert.setString(2, entity.id());
        upsert.setBytes(3, RecordCodec.encode((Record) entity));
        upsert.executeUpdate();
      }
      for (Key key : deletes) {
        delete.setString(1, key.kind().name());
        delete.setString(2, key.id());
        delete.executeUpdate();
      }
      saveCounter.setLong(1, nextId);
      saveCounter.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StoreException("cannot commit to the engine store", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the engine store", e);
    }
  }
}
