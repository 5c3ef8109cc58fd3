package dev.outboxstock.benchmark.load;

import dev.outboxstock.benchmark.measure.LatencySummary;

/**
 * What one load run achieved.
 *
 * @param targetRate requests per second asked for (0 for a closed loop, which sends as fast as answers come)
 * @param accepted requests answered 201
 * @param failed requests answered otherwise, or not at all
 * @param linesAccepted order lines in the accepted orders
 * @param acceptedRate accepted requests per second, between the first and the last answer
 * @param responseTime from the moment each request was due to be sent to its answer (accepted requests only)
 */
public record LoadResult(
        double targetRate,
        long accepted,
        long failed,
        long linesAccepted,
        double acceptedRate,
        LatencySummary responseTime) {

    public double failedShare() {
        long all = accepted + failed;
        return all == 0 ? 0 : failed / (double) all;
    }
}
