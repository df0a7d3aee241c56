package se.insatsnavet.hub.security;

import se.insatsnavet.hub.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens: 256 random bits shown once at creation, stored only as their SHA-256. A token is either
 * national admin or bound to one federation. Blocking (JDBC): call from workers or the CLI.
 */
public final class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ADMIN = "admin";
    private static final String FEDERATION = "federation";

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    /** A token as listed (never with its secret). */
    public record TokenInfo(long id, String scope, String federationId, String label, Instant createdAt, Instant revokedAt) {
    }

    /** A freshly created token: its secret is only ever available here. */
    public record NewToken(long id, String secret) {
    }

    /** Creates a token; {@code federationId} null means national admin. */
    public NewToken create(String federationId, String label) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "insv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (token_hash, scope, federation_id, label, "
                    + "created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, hash(secret));
                ps.setString(2, federationId == null ? ADMIN : FEDERATION);
                ps.setString(3, federationId);
                ps.setString(4, label);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new NewToken(id, secret);
    }

    /** The principal of a presented secret, if it is a known, unrevoked token. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String h = hash(secret);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, label, federation_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Principal(rs.getLong(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    public List<TokenInfo> list() {
        return db.read(c -> {
            List<TokenInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, scope, federation_id, label, created_at, revoked_at FROM api_token ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp revoked = rs.getTimestamp(6);
                    out.add(new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), revoked == null ? null : revoked.toInstant()));
                }
            }
            return out;
        });
    }

    /** Revokes a token; false if there is no such unrevoked token. */
    public boolean revoke(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
