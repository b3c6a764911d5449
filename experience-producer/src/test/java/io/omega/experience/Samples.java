package io.omega.experience;

import io.omega.config.ConfigLoader;
import io.omega.config.KafkaConfig;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.TradeMode;

import java.time.Duration;
import java.util.Map;

/** Small builders for the experience tests. */
final class Samples {

    private Samples() {
    }

    static KafkaConfig kafka(String bootstrap, int capacity, int maxInFlight) {
        String yaml = """
                kafka:
                  bootstrap_servers: "%s"
                  producer:
                    publish_queue_capacity: %d
                    max_in_flight_records: %d
                    linger_ms: 5
                """.formatted(bootstrap, capacity, maxInFlight);
        return ConfigLoader.parse(yaml, Map.of()).kafka();
    }

    static AiDecision decision(double price) {
        return new AiDecision(Direction.LONG, 0.7, Map.of("LONG", 0.7, "SHORT", 0.2, "FLAT", 0.1), "cnn",
                "20250124_120000", price, false);
    }

    static TradeOpened opened(String tradeId, String symbol, double size) {
        return new TradeOpened(tradeId, "d-" + tradeId, symbol, Direction.LONG, 100.0, size, 99.0, 102.0, 0.05, 0.01,
                "cnn", "20250124_120000", TradeMode.PAPER);
    }

    static TradeClosed closed(String tradeId, String symbol, double pnl) {
        return new TradeClosed(tradeId, symbol, 101.0, pnl, 1.0, Duration.ofMinutes(3), ExitReason.TP, "cnn",
                "20250124_120000");
    }
}
