package se.insatsnavet.hub.security;

/**
 * Who is writing: the holder of a token, either the national admin or one federation.
 *
 * @param tokenId      id of the token used
 * @param label        the token's label (who it was issued to)
 * @param federationId the federation the token may write, or null for an admin token
 */
public record Principal(long tokenId, String label, String federationId) {

    public boolean isAdmin() {
        return federationId == null;
    }

    /** Whether this principal may write the catalogue of {@code federation}. */
    public boolean mayWrite(String federation) {
        return isAdmin() || federationId.equals(federation);
    }

    /** How the audit log names this principal. */
    public String actor() {
        return (isAdmin() ? "admin" : "federation:" + federationId) + " (" + label + ", token " + tokenId + ")";
    }
}
