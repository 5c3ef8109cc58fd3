package dev.outboxstock.devservices.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How a service uses the local stack in dev mode. */
@ConfigMapping(prefix = "dev-stack")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface DevStackConfig {

    /** Whether dev mode starts (or joins) the local stack. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The database of the stack that the default datasource points at ({@code orders} or {@code inventory}), with the
     * outbox slot of that database's relay; none for an application without a datasource (the relay).
     */
    Optional<String> database();
}
