package dk.jobbro.geo;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code postcode} table: the persistent copy of {@link Postcodes}, so that imports survive a restart. */
@Singleton
class PostcodeStore {

    private final TransactionOperations<Connection> tx;

    PostcodeStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    List<Postcodes.Entry> readAll() {
        return tx.executeRead(status -> {
            List<Postcodes.Entry> entries = new ArrayList<>();
            try (Statement s = status.getConnection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT postcode, name, latitude, longitude FROM postcode")) {
                while (rs.next()) {
                    entries.add(new Postcodes.Entry(rs.getString(1), rs.getString(2),
                            new GeoPoint(rs.getDouble(3), rs.getDouble(4))));
                }
            }
            return entries;
        });
    }

    /** Inserts or replaces {@code entries}; with {@code replaceAll}, postcodes not among them are deleted. */
    void upsert(Collection<Postcodes.Entry> entries, boolean replaceAll) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            if (replaceAll) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM postcode");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO postcode (postcode, name, latitude, longitude)"
                    + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name),"
                    + " latitude = VALUES(latitude), longitude = VALUES(longitude)")) {
                for (Postcodes.Entry e : entries) {
                    ps.setString(1, e.postcode());
                    ps.setString(2, e.name());
                    ps.setDouble(3, e.point().latitude());
                    ps.setDouble(4, e.point().longitude());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
