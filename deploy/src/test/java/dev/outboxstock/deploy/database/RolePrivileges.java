package dev.outboxstock.deploy.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a role may do in one database, described without its name so that two roles can be compared: its role
 * attributes and memberships, its privileges on tables, schemas and the database, and default privileges that would
 * grant it tables created later.
 */
public final class RolePrivileges {

    private static final String QUERY = """
            SELECT 'attribute ' || attribute FROM pg_roles r,
                LATERAL (VALUES ('superuser', r.rolsuper), ('createrole', r.rolcreaterole),
                    ('createdb', r.rolcreatedb), ('login', r.rolcanlogin), ('replication', r.rolreplication),
                    ('bypassrls', r.rolbypassrls)) AS a(attribute, granted)
                WHERE r.rolname = ?1 AND a.granted
            UNION ALL
            SELECT 'member of ' || g.rolname FROM pg_auth_members m
                JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ?1
            UNION ALL
            SELECT 'table ' || table_name || ' ' || privilege_type FROM information_schema.role_table_grants
                WHERE grantee = ?1
            UNION ALL
            SELECT 'schema ' || n.nspname || ' ' || p.privilege FROM pg_namespace n,
                LATERAL (VALUES ('CREATE'), ('USAGE')) AS p(privilege)
                WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                  AND has_schema_privilege(?1, n.oid, p.privilege)
            UNION ALL
            SELECT 'database ' || p.privilege FROM (VALUES ('CREATE'), ('TEMPORARY')) AS p(privilege)
                WHERE has_database_privilege(?1, current_database(), p.privilege)
            UNION ALL
            SELECT 'default privilege ' || d.defaclobjtype::text || ' ' || a.privilege_type
                FROM pg_default_acl d, LATERAL aclexplode(d.defaclacl) a
                JOIN pg_roles r ON r.oid = a.grantee WHERE r.rolname = ?1
            """.replace("?1", "?");

    private static final int PLACES = 6;

    private RolePrivileges() {}

    /** What {@code role} may do in the database of {@code connection}. */
    public static Set<String> of(Connection connection, String role) throws SQLException {
        Set<String> privileges = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            for (int place = 1; place <= PLACES; place++) {
                query.setString(place, role);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    privileges.add(rows.getString(1));
                }
            }
        }
        return privileges;
    }
}
