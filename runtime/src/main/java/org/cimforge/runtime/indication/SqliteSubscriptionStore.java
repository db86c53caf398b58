package org.cimforge.runtime.indication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps interop objects in an SQLite file ({@value #FILE_NAME} in the server's data directory). One connection,
 * used under a lock: writes come only from CreateInstance/ModifyInstance/DeleteInstance and from fatal-error
 * policies, so there is no contention worth a pool.
 */
final class SqliteSubscriptionStore implements SubscriptionStore {
    static final String FILE_NAME = "indication-subscriptions.db";

    private final Connection connection;
    private final Path file;

    private SqliteSubscriptionStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens (creating when needed) the store in {@code directory}. */
    static SqliteSubscriptionStore open(Path directory) throws StoreException {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS interop_object (kind TEXT NOT NULL, id TEXT NOT NULL, "
                        + "instance_xml TEXT NOT NULL, owner TEXT, PRIMARY KEY (kind, id))");
                if (!hasOwnerColumn(s)) {
                    // A store written before owners were kept: its objects stay ownerless (they count toward the
                    // total quota only).
                    s.execute("ALTER TABLE interop_object ADD COLUMN owner TEXT");
                }
            }
            return new SqliteSubscriptionStore(c, file);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the subscription store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasOwnerColumn(Statement s) throws SQLException {
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(interop_object)")) {
            while (columns.next()) {
                if ("owner".equalsIgnoreCase(columns.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public synchronized List<Row> load() throws StoreException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT kind, id, instance_xml, owner FROM interop_object ORDER BY rowid")) {
            while (r.next()) {
                Kind kind;
                try {
                    kind = Kind.valueOf(r.getString(1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                rows.add(new Row(kind, r.getString(2), r.getString(3), r.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        rows.sort(Comparator.comparing(Row::kind));
        return rows;
    }

    @Override
    public synchronized void save(Kind kind, String id, String xml, String owner) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO interop_object (kind, id, instance_xml, owner) VALUES (?, ?, ?, ?)")) {
            p.setString(1, kind.name());
            p.setString(2, id);
            p.setString(3, xml);
            p.setString(4, owner);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void delete(Kind kind, String id) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "DELETE FROM interop_object WHERE kind = ? AND id = ?")) {
            p.setString(1, kind.name());
            p.setString(2, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
