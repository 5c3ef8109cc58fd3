package dev.outboxstock.relay.publish;

/**
 * A newer producer with this relay's transactional id took over: another replica streams now, and this one, a former
 * streamer that was frozen or cut off, must send nothing more. Stops the engine; the batch stays unmarked.
 */
public class FencedOffException extends RuntimeException {

    FencedOffException(Throwable cause) {
        super("Fenced off by a newer producer of this relay: another replica streams now", cause);
    }
}
