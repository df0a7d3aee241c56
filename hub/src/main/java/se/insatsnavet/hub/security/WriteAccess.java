package se.insatsnavet.hub.security;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.time.Instant;
import java.util.Optional;

/**
 * Guards a write route: requires {@code Authorization: Bearer <token>}; a federation token may write only
 * its own federation (the route's {@code :id}), an admin token any; or, for writes that concern several
 * federations, any valid token, leaving the check to the handler (it finds the {@link #PRINCIPAL}). Every outcome, refusals included, is
 * written to the audit log when the response ends. Reads never pass through here.
 */
public final class WriteAccess implements Handler<RoutingContext> {

    /** Key of the authenticated {@link Principal} in the routing context. */
    public static final String PRINCIPAL = "insatsnavet.principal";

    private final Vertx vertx;
    private final TokenStore tokens;
    private final AuditLog audit;
    private final Scope scope;

    private enum Scope { FEDERATION_OR_ADMIN, ADMIN, ANY_TOKEN }

    private WriteAccess(Vertx vertx, TokenStore tokens, AuditLog audit, Scope scope) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.audit = audit;
        this.scope = scope;
    }

    /** Admin or the federation named by the route's {@code :id}. */
    public static WriteAccess federationOrAdmin(Vertx vertx, TokenStore tokens, AuditLog audit) {
        return new WriteAccess(vertx, tokens, audit, Scope.FEDERATION_OR_ADMIN);
    }

    /** National admin only. */
    public static WriteAccess adminOnly(Vertx vertx, TokenStore tokens, AuditLog audit) {
        return new WriteAccess(vertx, tokens, audit, Scope.ADMIN);
    }

    /**
     * Any valid token (admin or a federation's); the next handler decides with {@link Principal#mayWrite}
     * which federations it may touch, answering 403 otherwise (audit-logged like every write).
     */
    public static WriteAccess anyToken(Vertx vertx, TokenStore tokens, AuditLog audit) {
        return new WriteAccess(vertx, tokens, audit, Scope.ANY_TOKEN);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Blocking.run(vertx, () -> tokens.authenticate(secret)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            Optional<Principal> principal = ar.result();
            auditWhenDone(ctx, principal.orElse(null));
            if (principal.isEmpty()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"insatsnavet\"");
                Responses.problem(ctx, 401, secret == null ? "This write needs a bearer token" : "Unknown or revoked token");
                return;
            }
            Principal p = principal.get();
            String federation = ctx.pathParam("id");
            boolean allowed = switch (scope) {
                case ADMIN -> p.isAdmin();
                case FEDERATION_OR_ADMIN -> federation != null && p.mayWrite(federation);
                case ANY_TOKEN -> true;
            };
            if (!allowed) {
                Responses.problem(ctx, 403, scope == Scope.ADMIN ? "This write needs an admin token"
                        : "This token may not write the catalogue of federation '" + federation + "'");
                return;
            }
            ctx.put(PRINCIPAL, p);
            ctx.next();
        });
    }

    private void auditWhenDone(RoutingContext ctx, Principal p) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            Object detail = ctx.get("insatsnavet.audit.detail");
            AuditLog.Entry entry = new AuditLog.Entry(Instant.now(), p == null ? null : p.tokenId(),
                    p == null ? "anonymous" : p.actor(), method, path, status, detail == null ? null : detail.toString());
            Blocking.run(vertx, () -> {
                audit.record(entry);
                return null;
            });
        });
    }
}
