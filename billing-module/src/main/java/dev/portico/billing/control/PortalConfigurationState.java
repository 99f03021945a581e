package dev.portico.billing.control;

import dev.portico.billing.api.PortalFlow;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where this node's last check of the portal configuration left it.
 *
 * @param status        what the check found and did
 * @param configuration the Stripe configuration's id portal sessions carry, when known
 * @param hash          the content hash of the file in force
 * @param flows         the deep-link flows the configuration enables
 * @param drift         the fields someone changed in Stripe (repaired in enforce mode, else only reported)
 * @param checkedAt     when the check ran; null before the first
 * @param error         why the check failed, or the file's problems; null otherwise
 */
public record PortalConfigurationState(Status status, String configuration, String hash, Set<PortalFlow> flows,
                                       List<String> drift, Instant checkedAt, String error) {

    /** The outcomes of a check. */
    public enum Status {
        /** No configuration file: sessions use the account's default portal configuration, as before. */
        NOT_CONFIGURED,
        /** A file is set but no check has completed yet. */
        PENDING,
        /** None was found in Stripe: created from the file. */
        CREATED,
        /** Stripe's differed from the file (a new file, or drift in enforce mode): written again. */
        UPDATED,
        /** Stripe's says what the file says: nothing written. */
        IN_SYNC,
        /** Someone changed it in Stripe and the mode is {@code report}: left as it is, reported. */
        DRIFTED,
        /** Stripe could not be read or written; the configuration last known stays in use. */
        FAILED,
        /** The file changed into one Stripe would refuse; the configuration last known stays in use. */
        INVALID_FILE
    }

    public PortalConfigurationState {
        flows = Set.copyOf(flows);
        drift = List.copyOf(drift);
    }

    /** The same configuration, after a check that could not complete: the last known id stays in use. */
    public PortalConfigurationState withProblem(Status newStatus, Instant at, String problem) {
        return new PortalConfigurationState(newStatus, configuration, hash, flows, drift, at, problem);
    }

    /** The same configuration after a check with another outcome. */
    PortalConfigurationState after(Status newStatus, String newConfiguration, List<String> newDrift, Instant at,
                                   String newError) {
        return new PortalConfigurationState(newStatus, newConfiguration, hash, flows, newDrift, at, newError);
    }
}
