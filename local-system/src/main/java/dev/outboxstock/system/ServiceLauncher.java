package dev.outboxstock.system;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a module's packaged application beside the stack, on a free port, with the variables every process shares
 * ({@code common}) under its own.
 */
record ServiceLauncher(LocalStack stack, Path root, Path logDir, Map<String, String> common) {

    /** Returns once the process is alive: for a service that cannot be ready before a relay has started. */
    ServiceProcess launch(String name, String module, Map<String, String> environment) {
        return ServiceProcess.launch(
                stack, name, application(module), withCommon(environment), FreePort.find(), logDir);
    }

    /** Returns once the process is ready. */
    ServiceProcess start(String name, String module, Map<String, String> environment) {
        return ServiceProcess.start(stack, name, application(module), withCommon(environment), FreePort.find(), logDir);
    }

    private Map<String, String> withCommon(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(environment);
        return all;
    }

    private Path application(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
