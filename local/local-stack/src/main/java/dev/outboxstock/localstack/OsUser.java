package dev.outboxstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/** What the local stack needs to know and do about operating-system users. */
final class OsUser {

    private OsUser() {}

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Gives a directory to another OS user, who alone may then use it (PostgreSQL demands mode 700). */
    static void giveDirectory(Path directory, String userName) {
        try {
            UserPrincipal owner =
                    directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName);
            Files.setOwner(directory, owner);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give " + directory + " to OS user " + userName, e);
        }
    }

    /** Lets other OS users pass through (not list) a directory, so that they can reach what lies below it. */
    static void makeTraversable(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + directory + " for traversal", e);
        }
    }
}
