package dev.outboxstock.deploy.config;

import java.util.regex.Pattern;

/** A default that points at the machine the service runs on: in a pod, that is never where a server is. */
final class Localhost {

    private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(localhost|127\\.0\\.0\\.1)\\b");

    private Localhost() {}

    static boolean isIn(String value) {
        return ADDRESS.matcher(value).find();
    }
}
