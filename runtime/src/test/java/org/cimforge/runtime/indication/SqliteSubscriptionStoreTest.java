package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.cimforge.runtime.indication.SubscriptionStore.Kind;
import org.cimforge.runtime.indication.SubscriptionStore.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscription store keeps each object's owner, and opens a store written before it did. */
class SqliteSubscriptionStoreTest {

    @Test
    void ownersAreKeptAndAStoreWithoutTheColumnGainsIt(@TempDir Path data) throws Exception {
        // A store as the previous version wrote it: no owner column.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                + data.resolve(SqliteSubscriptionStore.FILE_NAME).toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE interop_object (kind TEXT NOT NULL, id TEXT NOT NULL, "
                    + "instance_xml TEXT NOT NULL, PRIMARY KEY (kind, id))");
            s.execute("INSERT INTO interop_object VALUES ('FILTER', 'old', '<INSTANCE/>')");
        }
        try (SqliteSubscriptionStore store = SqliteSubscriptionStore.open(data)) {
            assertThat(store.load()).containsExactly(new Row(Kind.FILTER, "old", "<INSTANCE/>", null));
            store.save(Kind.FILTER, "new", "<INSTANCE/>", "admin");
        }
        try (SqliteSubscriptionStore store = SqliteSubscriptionStore.open(data)) {
            assertThat(store.load()).containsExactly(new Row(Kind.FILTER, "old", "<INSTANCE/>", null),
                    new Row(Kind.FILTER, "new", "<INSTANCE/>", "admin"));
        }
    }
}
