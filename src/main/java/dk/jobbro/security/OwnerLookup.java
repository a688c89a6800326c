package dk.jobbro.security;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The jobcentre of a citizen, by one primary-key read, for the data-subject endpoints of this package. Plain SQL so
 * that security depends on the schema, not on the packages it guards (no package cycle).
 */
@Singleton
class OwnerLookup {

    private final DataSource dataSource;

    OwnerLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Connectable
    Optional<String> citizenJobcentre(long citizenId) {
        return one("SELECT jobcentre FROM citizen WHERE id = ?", citizenId).map(String::valueOf);
    }

    Optional<Object> one(String sql, long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Owner lookup failed", e);
        }
    }
}
